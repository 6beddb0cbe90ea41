using System.Text.RegularExpressions;
using SelfEval.Scoring.Exchange;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports;
using SelfEval.Web.Reports.Pdf;

namespace SelfEval.Web.Tests;

/// <summary>The PDF profile as issue 15 wants it: page one is the profile, the appendix on its own pages, nothing past the margin.</summary>
public sealed class PdfProfileLayoutTests
{
    private static readonly QuestionnaireCatalog Catalog = QuestionnaireCatalog.Load(TestPaths.Questionnaires);

    public static TheoryData<string, string> Examples => new()
    {
        { "gruendungsteam-uneinig", "sich-gut-aufstellen" },
        { "stark-wirkung-entfalten", "wirkung-entfalten" },
        { "schwach-wirkung-entfalten", "wirkung-entfalten" },
    };

    private static ScoreCard Card(string example, string guide)
    {
        var questionnaire = Catalog.Find(guide)!;
        var (data, problems) = ExchangeReader.Read(File.ReadAllText(Path.Combine(TestPaths.Repository, "docs", "examples", example + ".json")), questionnaire);
        Assert.Empty(problems);
        return Scorer.Score(questionnaire, data!.Profile, data.Respondents);
    }

    private static ProfileReport Report(string example, string guide) =>
        ProfileBuilder.Build(Card(example, guide), Catalog.Offers, new ProfileSubject(Name(example), new DateOnly(2026, 11, 22), 1));

    private static string Name(string example) => example switch
    {
        "gruendungsteam-uneinig" => "Gründungsinitiative Lausitz-Industrie (Beispiel)",
        _ => "Beispielinitiative",
    };

    /// <summary>The PDF's text, page by page (pdftotext separates pages with a form feed).</summary>
    private static string[] Pages(ProfileReport report) => PdfText.Read(new PdfProfileRenderer().Render(report)).Split('\f');

    private static int AppendixPage(string[] pages) =>
        Array.FindIndex(pages, p => p.TrimStart().StartsWith(ProfileTexts.AppendixTitle + "\n", StringComparison.Ordinal) || p.TrimStart().StartsWith(ProfileTexts.AppendixTitle + " ", StringComparison.Ordinal)) + 1;

    [Theory]
    [MemberData(nameof(Examples))]
    public void Page_one_holds_at_most_three_of_each_list_and_the_first_three_are_there(string example, string guide)
    {
        var report = Report(example, guide);
        var pages = Pages(report);
        var one = PdfText.Flat(pages[0]);
        var summary = report.Summary;
        var onPageOne = new HashSet<string>(summary.Strengths.Select(s => s.Text).Concat(summary.Weaknesses.Select(w => w.Item.Text)).Concat(summary.Discuss.Select(d => d.Item.Text)));

        int Shown(IEnumerable<string> texts) => texts.Count(t => one.Contains(PdfText.Flat(t), StringComparison.Ordinal));

        Assert.Equal(summary.Strengths.Count, Shown(summary.Strengths.Select(s => s.Text)));
        Assert.Equal(summary.Weaknesses.Count, Shown(summary.Weaknesses.Select(w => w.Item.Text)));
        Assert.Equal(summary.Offers.Count, Shown(summary.Offers.Select(o => o.Title)));
        Assert.Equal(summary.Discuss.Count, Shown(summary.Discuss.Select(d => d.Item.Text)));
        // A question can head two lists (a strength the team disagrees on): count each list without the others' first three.
        int Only(IEnumerable<string> list, IEnumerable<string> own) => Shown(list.Where(t => own.Contains(t) || !onPageOne.Contains(t)));
        Assert.InRange(Only(report.Strengths.Select(s => s.Text), summary.Strengths.Select(s => s.Text)), 0, ProfileSummary.Size);
        Assert.InRange(Only(report.Weaknesses.Select(w => w.Item.Text), summary.Weaknesses.Select(w => w.Item.Text)), 0, ProfileSummary.Size);
        Assert.InRange(Shown(report.SupportNeeds.Select(o => o.Title)), 0, ProfileSummary.Size);
        Assert.InRange(Only((report.Team?.Discuss ?? []).Select(d => d.Item.Text), summary.Discuss.Select(d => d.Item.Text)), 0, ProfileSummary.Size);

        // What is not among the first three is not on page one (unless it heads another list there).
        var rest = report.Strengths.Skip(ProfileSummary.Size).Select(s => s.Text)
            .Concat(report.Weaknesses.Skip(ProfileSummary.Size).Select(w => w.Item.Text))
            .Concat((report.Team?.Discuss ?? []).Skip(ProfileSummary.Size).Select(d => d.Item.Text))
            .Where(t => !onPageOne.Contains(t));
        Assert.All(rest, t => Assert.DoesNotContain(PdfText.Flat(t), one, StringComparison.Ordinal));
        Assert.Contains(ProfileTexts.SummaryTitle, one, StringComparison.Ordinal);
        Assert.Contains(ProfileTexts.ContentsTitle, one, StringComparison.Ordinal);
        Assert.Contains(ProfileTexts.OverallSentence(report).Split(' ')[0], one, StringComparison.Ordinal);
    }

    [Fact]
    public void The_founding_team_example_has_at_most_six_pages_before_the_appendix()
    {
        var report = Report("gruendungsteam-uneinig", "sich-gut-aufstellen");
        var pages = Pages(report);

        var appendix = AppendixPage(pages);

        Assert.InRange(appendix - 1, 2, 6);
        var rest = PdfText.Flat(string.Join(' ', pages[(appendix - 1)..]));
        Assert.Contains(ProfileTexts.DetailsTitle, rest, StringComparison.Ordinal);
        Assert.Contains(ProfileTexts.DiscussTitle, rest, StringComparison.Ordinal);
        Assert.Contains("So wurde gerechnet", rest, StringComparison.Ordinal);
        Assert.All(report.Team!.Discuss, d => Assert.Contains(PdfText.Flat(d.Item.Text), rest, StringComparison.Ordinal));
        // The checklist comes right after page one.
        Assert.StartsWith(ProfileTexts.ChecklistTitle, pages[1].TrimStart(), StringComparison.Ordinal);
        Assert.Matches($@"Seite 1 von {pages.Length - 1}\b", pages[0]); // the last "page" after the final form feed is empty
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_has_its_appendix_on_a_page_of_its_own_and_a_contents_with_its_page(string example, string guide)
    {
        var pages = Pages(Report(example, guide));

        var appendix = AppendixPage(pages);

        Assert.True(appendix > 1, "no page starts with „Anhang“");
        Assert.Matches($@"{ProfileTexts.AppendixTitle} \.*\s*{appendix}\b", PdfText.Flat(pages[0]));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_title_in_the_contents_heads_the_page_it_names(string example, string guide)
    {
        var pages = Pages(Report(example, guide));
        var titles = new[] { ProfileTexts.ChecklistTitle, ProfileTexts.FactsTitle, ProfileTexts.SectionsTitle, ProfileTexts.OffersTitle, ProfileTexts.TeamTitle, ProfileTexts.AppendixTitle };

        var found = 0;
        foreach (var title in titles)
        {
            var entry = Regex.Match(pages[0], Regex.Escape(title) + @" +(\d+)\b");
            if (!entry.Success)
            {
                continue;
            }

            var page = int.Parse(entry.Groups[1].Value);
            Assert.Matches(new Regex("^" + Regex.Escape(title) + "$", RegexOptions.Multiline), pages[page - 1]);
            found++;
        }

        Assert.True(found >= 3, $"only {found} entries in the contents");
    }

    [Fact]
    public void The_profile_facts_and_the_teams_own_goals_appear()
    {
        var report = Report("gruendungsteam-uneinig", "sich-gut-aufstellen");
        var text = PdfText.Flat(PdfText.ReadRaw(new PdfProfileRenderer().Render(report)));

        Assert.NotEmpty(report.Facts);
        Assert.All(report.Facts, f => Assert.Contains(PdfText.Flat(string.Join(", ", f.Values)), text, StringComparison.Ordinal));
        Assert.All(report.Facts, f => Assert.Contains(PdfText.Flat(f.Question), text, StringComparison.Ordinal));
        Assert.NotEmpty(report.Goals);
        var one = PdfText.Flat(Pages(report)[0]);
        Assert.All(report.Goals.SelectMany(g => g.Answers), a => Assert.Contains(PdfText.Flat(a), one, StringComparison.Ordinal));
    }

    [Fact]
    public void Trend_changes_add_up_as_printed()
    {
        var before = Card("schwach-wirkung-entfalten", "wirkung-entfalten");
        var now = Card("stark-wirkung-entfalten", "wirkung-entfalten");
        var report = ProfileBuilder.Build(now, Catalog.Offers, new ProfileSubject("Beispielinitiative", new DateOnly(2026, 11, 22), 2), new PreviousRound(1, before));
        var trend = report.Trend!;

        var text = string.Join('\n', Pages(report));

        Assert.Contains(ProfileTexts.TrendTitle(trend), text, StringComparison.Ordinal);
        var checkedLines = 0;
        foreach (var line in new[] { trend.Overall }.Concat(trend.Sections).Where(t => t.Delta is not null))
        {
            var row = Regex.Match(text, Regex.Escape(line.Label) + @" {2,}(\d+) +(\d+) +([+−]\d+|±0)");
            Assert.True(row.Success, $"no row for {line.Label}");
            var (b, n, d) = (int.Parse(row.Groups[1].Value), int.Parse(row.Groups[2].Value), row.Groups[3].Value);
            var delta = d == "±0" ? 0 : int.Parse(d[1..]) * (d[0] == '−' ? -1 : 1);
            Assert.Equal(n - b, delta);
            checkedLines++;
        }

        Assert.True(checkedLines >= 3);
    }

    private const string OneSection = """
        ---
        id: eins
        version: "1.0"
        title: Ein Abschnitt
        description: Ein Leitfaden mit nur einem bewerteten Abschnitt.
        audience: Testteams
        minutes: 2
        scales:
          umsetzung:
            - 0: nicht vorhanden
            - 2: teilweise
            - 4: vollständig
        bands:
          - from: 0
            name: Anfang
            text: Sie stehen am Anfang.
          - from: 50
            name: Etabliert
            text: Sie sind etabliert.
        ---

        # Ein Abschnitt

        ## Ziele {#ziele}

        ### Haben Sie gemeinsame Ziele? {#ziele-gemeinsam}

        - type: scale
        - scale: umsetzung
        - aspect: einigkeit
        - dimension: innen
        - hint: Erarbeiten Sie gemeinsame Ziele.
        - measures: practice

        ### Haben Sie einen Plan? {#plan}

        - type: scale
        - scale: umsetzung
        - aspect: ressourcen
        - dimension: innen
        - hint: Schreiben Sie einen Plan.
        - measures: result
        """;

    [Fact]
    public void A_guide_with_a_single_scored_section_renders()
    {
        var loaded = QuestionnaireLoader.Load(
            SourceFile.FromBytes("_profile.md", File.ReadAllBytes(TestPaths.Fixture("_profile.md"))),
            SourceFile.FromBytes("_offers.md", File.ReadAllBytes(TestPaths.Fixture("_offers.md"))),
            SourceFile.FromText("eins.md", OneSection));
        Assert.True(loaded.Success, string.Join('\n', loaded.Errors));
        var questionnaire = loaded.Questionnaires.Single(q => q.Id == "eins");
        RespondentAnswers Person(string a, string b) => new("P", new Dictionary<string, Answer> { ["ziele-gemeinsam"] = new Answer.Choice(a), ["plan"] = new Answer.Choice(b) });
        var card = Scorer.Score(questionnaire, new Dictionary<string, Answer>(), [Person("4", "0"), Person("0", "2")]);
        var report = ProfileBuilder.Build(card, loaded.Offers, new ProfileSubject("Kleine Initiative", new DateOnly(2026, 11, 22), 1));
        var drawn = new List<DrawnText>();

        var pages = PdfText.Read(new PdfProfileRenderer().Render(report, drawn)).Split('\f');
        var text = PdfText.Flat(string.Join(' ', pages));

        Assert.Single(report.Sections);
        Assert.Contains(ProfileTexts.SectionsTitle, text, StringComparison.Ordinal);
        Assert.Contains(report.Sections[0].Label, text, StringComparison.Ordinal);
        Assert.Contains(ProfileTexts.ValueAndBand(report.Sections[0]), text, StringComparison.Ordinal);
        Assert.True(AppendixPage(pages) > 1);
        AssertInsideMargins(drawn);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void No_string_is_drawn_past_the_margins(string example, string guide)
    {
        var report = Report(example, guide);
        // The longest band beside the highest value: "69 · Fortgeschritten" ran past the margin before.
        var first = report.Sections.First(s => !s.IsContext);
        report = report with { Sections = [.. report.Sections.Select(s => s == first ? s with { Value = 69, Assessable = true, Band = "Fortgeschritten" } : s)] };
        var drawn = new List<DrawnText>();

        var pdf = new PdfProfileRenderer().Render(report, drawn);

        Assert.Contains(drawn, d => d.Text == "69 · Fortgeschritten");
        AssertInsideMargins(drawn);
        // Read back independently of the layout's own record: every word's box ends inside the page's margins.
        Assert.All(PdfText.Words(pdf), w => Assert.True(w.XMax <= PdfLayout.Right + 0.5 && w.XMin >= PdfLayout.Left - 0.5, $"„{w.Text}“ on page {w.Page} spans {w.XMin:0.0}–{w.XMax:0.0}"));
    }

    [Fact]
    public void A_profile_with_every_section_keeps_inside_the_margins_and_draws_the_benchmark_with_its_caveat()
    {
        var before = Card("schwach-wirkung-entfalten", "wirkung-entfalten");
        var report = ProfileBuilder.Build(Card("stark-wirkung-entfalten", "wirkung-entfalten"), Catalog.Offers, new ProfileSubject("Beispielinitiative", new DateOnly(2026, 11, 22), 2), new PreviousRound(1, before));
        report = report with
        {
            Benchmark = new BenchmarkReport("Initiativen mit „Wirkung entfalten“", 7, [.. report.Sections.Select((s, i) => new BenchmarkLine(s.Label, s.Shown, 20 + i, 45 + i, 70 + i, s.Shown is null ? null : (Scoring.Statistics.QuartilePosition)(i % 3)))], null)
            {
                AsOf = new DateOnly(2026, 11, 1),
            },
        };
        var drawn = new List<DrawnText>();

        var pdf = new PdfProfileRenderer().Render(report, drawn);
        var text = PdfText.Flat(PdfText.Read(pdf));

        AssertInsideMargins(drawn);
        Assert.Contains(PdfText.Flat(ProfileTexts.BenchmarkIntro(report.Benchmark)), text, StringComparison.Ordinal);
        Assert.Contains("7 Initiativen", text, StringComparison.Ordinal);
        Assert.Contains(ProfileTexts.TrendTitle(report.Trend!), text, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("SELFEVAL_PDF_OUT") is { Length: > 0 } file)
        {
            File.WriteAllBytes(file, pdf); // to look at it
        }
    }

    private static void AssertInsideMargins(List<DrawnText> drawn)
    {
        Assert.NotEmpty(drawn);
        Assert.All(drawn, d => Assert.True(d.X >= PdfLayout.Left - 0.01 && d.X + d.Width <= PdfLayout.Right + 0.01, $"„{d.Text}“ on page {d.Page} spans {d.X:0.0}–{d.X + d.Width:0.0}, margins {PdfLayout.Left}–{PdfLayout.Right}"));
    }

    [Fact]
    public void The_method_appendix_is_rendered_from_markdown_with_its_bold_leads()
    {
        var report = Report("gruendungsteam-uneinig", "sich-gut-aufstellen");
        var drawn = new List<DrawnText>();

        var text = PdfText.Flat(PdfText.Read(new PdfProfileRenderer().Render(report, drawn)));

        Assert.Contains(drawn, d => d.Text.StartsWith("Vorgehen und Ergebnisse.", StringComparison.Ordinal) && d.Font == PdfTheme.Bold);
        Assert.Contains(drawn, d => d.Text == "So wurde gerechnet" && d.Font == PdfTheme.H2);
        Assert.Contains("Vorgehen und Ergebnisse. Jede bewertete Frage misst", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("# ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_descriptions_are_rendered_from_markdown_too()
    {
        var report = Report("schwach-wirkung-entfalten", "wirkung-entfalten");
        report = report with { SupportNeeds = [report.SupportNeeds[0] with { Description = "Ein **wichtiger** Punkt:\n\n- erstens\n- zweitens" }] };
        var drawn = new List<DrawnText>();

        var text = PdfText.Flat(PdfText.Read(new PdfProfileRenderer().Render(report, drawn)));

        Assert.Contains(drawn, d => d.Text.Trim() == "wichtiger" && d.Font == PdfTheme.Bold);
        Assert.Contains("Ein wichtiger Punkt: • erstens • zweitens", text, StringComparison.Ordinal);
    }
}
