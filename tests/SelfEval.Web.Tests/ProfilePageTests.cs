using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfEval.Scoring.Exchange;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports;
using SelfEval.Web.Tests.Attacks;

namespace SelfEval.Web.Tests;

/// <summary>
/// The profile page as people read it: page one with the top three of each list, the full lists further down,
/// charts on a labelled 0–100 axis, one dot per person, the appendix collapsed. Read with AngleSharp from the
/// real results page and from the components rendered offline (the same components).
/// </summary>
public sealed class ProfilePageTests : IDisposable
{
    private static readonly QuestionnaireCatalog Catalog = QuestionnaireCatalog.Load(TestPaths.Questionnaires);
    private static readonly string[] AxisLabels = ["0", "25", "50", "75", "100"];
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithProductionGuides();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The founding team of three who disagree (docs/examples): more than three of several lists.</summary>
    private static ProfileReport Example(string name = "gruendungsteam-uneinig", string guide = "sich-gut-aufstellen")
    {
        var questionnaire = Catalog.Find(guide)!;
        var (data, problems) = ExchangeReader.Read(File.ReadAllText(Path.Combine(TestPaths.Repository, "docs", "examples", name + ".json")), questionnaire);
        Assert.Empty(problems);
        return ProfileBuilder.Build(Scorer.Score(questionnaire, data!.Profile, data.Respondents), Catalog.Offers, new ProfileSubject(data.InitiativeName, new DateOnly(2026, 11, 22), 1));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static IDocument Render(ProfileReport report) => Parse(new HtmlProfileRenderer(new MarkdownRenderer()).RenderFragment(report));

    private static List<string> Texts(IEnumerable<IElement> elements) => elements.Select(e => Regex.Replace(e.TextContent, @"\s+", " ").Trim()).ToList();

    [Fact]
    public void Page_one_holds_at_most_three_of_each_list_and_the_full_lists_follow()
    {
        var report = Example();
        Assert.True(report.Weaknesses.Count > 3 && report.Strengths.Count > 3 && report.Team!.Discuss.Count > 3, "the example must have more than three to select from");

        var page = Render(report);

        var summary = page.QuerySelector("section.summary")!;
        foreach (var (list, expected) in new[]
        {
            ("top-strengths", report.Strengths.Take(3).Select(s => s.Text)),
            ("top-weaknesses", report.Weaknesses.Take(3).Select(w => w.Item.Text)),
            ("top-offers", report.SupportNeeds.Take(3).Select(n => n.Title)),
            ("top-discuss", report.Team.Discuss.Take(3).Select(d => d.Item.Text)),
        })
        {
            var items = summary.QuerySelectorAll($".{list} ol.items > li");
            Assert.InRange(items.Length, 1, 3);
            Assert.Equal(expected, Texts(items.Select(li => li.QuerySelector("strong")!)));
        }

        Assert.All(summary.QuerySelectorAll(".top-weaknesses li"), li => Assert.Contains(ProfileTexts.NextStepLabel.Trim(), li.TextContent, StringComparison.Ordinal));
        Assert.Contains(ProfileTexts.Agreement(report.Team), summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(report.Strengths.Select(s => s.Text), Texts(page.QuerySelectorAll("#staerken ol.items > li strong")));
        Assert.Equal(report.Weaknesses.Select(w => w.Item.Text), Texts(page.QuerySelectorAll("#entwicklungsfelder ol.items > li strong")));
        Assert.Equal(report.Team.Discuss.Select(d => d.Item.Text), Texts(page.QuerySelectorAll("#anhang .discuss-all ol.items > li strong")));

        // The table of contents links to the sections that follow, the checklist first for a founding team.
        var links = page.QuerySelectorAll("nav.contents a").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.Equal("checkliste", links[0]);
        Assert.All(links, id => Assert.NotNull(page.GetElementById(id)));
        Assert.Equal("checkliste", summary.NextElementSibling!.Id);
    }

    [Fact]
    public void Each_row_of_dots_has_one_dot_per_person_in_the_teams_colour_not_the_scores()
    {
        var report = Example();
        var page = Render(report);

        var rows = page.QuerySelectorAll("svg.dots");
        var expected = report.Summary.Discuss.Concat(report.Team!.Discuss).ToList();
        Assert.Equal(expected.Count, rows.Length);
        foreach (var (row, item) in rows.Zip(expected))
        {
            Assert.Equal(item.Points.Count, row.QuerySelectorAll("circle.dot").Length);
            Assert.Equal(3, row.QuerySelectorAll("circle").Length); // three people answered
            Assert.Empty(row.QuerySelectorAll("rect"));             // no bar: dots on a line
            Assert.Equal(ProfileTexts.Dots(item.Points), row.GetAttribute("aria-label"));
        }
    }

    [Fact]
    public void Two_equal_answers_stay_two_visible_dots()
    {
        var report = Example();
        var item = report.Team!.Discuss[0] with { Points = [0m, 100m, 100m] };
        var page = Render(report with { Team = report.Team with { Discuss = [item] } });

        var circles = page.QuerySelector("svg.dots")!.QuerySelectorAll("circle").Select(c => (X: c.GetAttribute("cx"), Y: c.GetAttribute("cy"))).ToList();
        Assert.Equal(3, circles.Count);
        Assert.Equal(3, circles.Distinct().Count());
    }

    [Fact]
    public void Every_chart_has_the_axis_labels_0_25_50_75_100_and_the_sections_are_sorted_bars()
    {
        var report = Example();
        var page = Render(report);

        var charts = page.QuerySelectorAll(".chart");
        Assert.True(charts.Length >= 4);
        Assert.All(charts, chart => Assert.Equal(AxisLabels, Texts(chart.QuerySelectorAll(".axis .tick"))));
        Assert.Null(page.QuerySelector(".radar"));

        var sections = page.QuerySelector("#abschnitte table.bars")!.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(report.Sections.Count, sections.Count);
        var own = report.Sections.Where(s => !s.IsContext).ToList();
        var shown = Texts(sections.Take(own.Count).Select(r => r.QuerySelector("th")!));
        Assert.Equal(own.OrderBy(s => s.Shown is null).ThenByDescending(s => s.Shown ?? 0).Select(s => s.Label), shown);
        Assert.Equal(report.Sections.Where(s => s.IsContext).Select(ProfileTexts.ValueAndBand), Texts(sections.Skip(own.Count).Select(r => r.QuerySelector("td.value")!)));
    }

    [Fact]
    public void The_benchmark_band_shows_the_middle_half_the_median_the_own_value_and_says_n_date_and_caveat()
    {
        var report = Example() with
        {
            Benchmark = new BenchmarkReport("alle Initiativen mit „Sich gut aufstellen“", 6,
            [
                new BenchmarkLine("3 Koordination", 62m, 40m, 55m, 70m, SelfEval.Scoring.Statistics.QuartilePosition.Middle),
                new BenchmarkLine("10 Austausch", null, 20m, 35m, 60m, null),
            ], null) { AsOf = new DateOnly(2026, 11, 20) },
        };

        var section = Render(report).GetElementById("vergleich")!;

        var intro = section.QuerySelector("p")!.TextContent;
        Assert.Contains(ProfileTexts.BenchmarkIntro(report.Benchmark), intro, StringComparison.Ordinal);
        Assert.Contains("6 Initiativen", intro, StringComparison.Ordinal);
        Assert.Contains("20. November 2026", intro, StringComparison.Ordinal);
        Assert.Contains($"weniger als {BenchmarkReport.FewFrom} Initiativen", intro, StringComparison.Ordinal);
        var rows = section.QuerySelectorAll("tbody tr");
        Assert.Equal(("40%", "30%"), (rows[0].QuerySelector("rect.band")!.GetAttribute("x"), rows[0].QuerySelector("rect.band")!.GetAttribute("width")));
        Assert.Equal("55%", rows[0].QuerySelector("line.median")!.GetAttribute("x1"));
        Assert.Equal("62%", rows[0].QuerySelector("circle.own")!.GetAttribute("cx"));
        Assert.Equal("62 · Mittelfeld", rows[0].QuerySelector("td.value")!.TextContent);
        Assert.Null(rows[1].QuerySelector("circle.own"));
        Assert.Equal(ProfileTexts.NotAssessable, rows[1].QuerySelector("td.value")!.TextContent);
        Assert.Equal(AxisLabels, Texts(section.QuerySelectorAll(".chart .axis .tick")));
    }

    [Fact]
    public void The_appendix_is_collapsed_and_the_method_comes_from_markdown()
    {
        var page = Render(Example());

        var blocks = page.QuerySelectorAll("#anhang details");
        Assert.Equal([ProfileTexts.DetailsTitle, ProfileTexts.DiscussAllTitle, "So wurde gerechnet"], Texts(blocks.Select(d => d.QuerySelector("summary")!)));
        Assert.All(blocks, d => Assert.False(d.HasAttribute("open")));
        Assert.NotNull(page.QuerySelector("#anhang details.method strong")); // **Von der Antwort zur Zahl.** rendered by Markdig
        Assert.Contains(ProfileTexts.DiscussMark, page.QuerySelector("#anhang details.details")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guide_with_a_single_scored_section_renders()
    {
        SourceFile File(string name) => SourceFile.FromBytes(name, System.IO.File.ReadAllBytes(TestPaths.Fixture(name)));
        var loaded = QuestionnaireLoader.Load(File("_profile.md"), File("_offers.md"), File("minimal.md"));
        var mini = loaded.Questionnaires.Single();
        var profile = new Dictionary<string, Answer> { ["phase"] = new Answer.Choice("gruendung") };
        var answers = new Dictionary<string, Answer> { ["ziele-gemeinsam"] = new Answer.Choice("2"), ["gruendungsplan"] = new Answer.Choice("ja") };
        var card = Scorer.Score(mini, profile, [new RespondentAnswers("A", answers), new RespondentAnswers("B", answers)]);
        var report = ProfileBuilder.Build(card, loaded.Offers, new ProfileSubject("Mini-Initiative", new DateOnly(2026, 12, 1), 1));

        var page = Render(report);

        var rows = page.QuerySelector("#abschnitte table.bars")!.QuerySelectorAll("tbody tr");
        Assert.Equal(report.Sections.Count, rows.Length);
        Assert.Single(report.Sections);
        Assert.Equal(ProfileTexts.ValueAndBand(report.Sections[0]), rows[0].QuerySelector("td.value")!.TextContent);
        Assert.Equal(AxisLabels, Texts(page.QuerySelector("#abschnitte table.bars")!.QuerySelectorAll(".axis .tick")));
        Assert.Equal("Mini-Initiative", page.QuerySelector(".profile h1")!.TextContent);
    }

    [Fact]
    public void The_css_gives_every_chart_mark_a_contrast_of_at_least_3_to_1_against_white()
    {
        var css = File.ReadAllText(Path.Combine(TestPaths.Repository, "src", "SelfEval.Web", "wwwroot", "css", "site.css"));
        var start = css.IndexOf("/* profile:", StringComparison.Ordinal);
        var block = css[start..css.IndexOf("/* end profile */", start, StringComparison.Ordinal)];
        var marks = Regex.Matches(block, @"--mark-([\w-]+):\s*(#[0-9a-fA-F]{6})").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.True(marks.Count >= 5, string.Join(", ", marks.Keys));
        Assert.All(marks, m => Assert.True(Contrast(m.Value, "#ffffff") >= 3, $"--mark-{m.Key} {m.Value}: {Contrast(m.Value, "#ffffff"):0.00}:1"));

        // Every fill or stroke of a chart element is a mark colour, the white outline of a dot, or the faint
        // track and grid behind the marks; no colour is written into the chart itself.
        var declarations = Regex.Matches(block, @"([^{}]+)\{([^}]*)\}").SelectMany(r =>
            Regex.Matches(r.Groups[2].Value, @"(?<![-\w])(fill|stroke):\s*([^;]+)").Select(d => (Selector: r.Groups[1].Value.Trim(), Value: d.Groups[2].Value.Trim()))).ToList();
        Assert.NotEmpty(declarations);
        Assert.All(declarations, d => Assert.True(
            Regex.IsMatch(d.Value, @"^var\(--mark-[\w-]+\)$") && marks.ContainsKey(d.Value["var(--mark-".Length..^1])
            || d.Value == "#fff"
            || Regex.IsMatch(d.Value, @"^var\(--(deco-[\w-]+|line)\)$") && Regex.IsMatch(d.Selector, @"\.(track|grid)$"),
            $"{d.Selector}: {d.Value}"));

        var page = Render(Example());
        Assert.All(page.QuerySelectorAll("svg, svg *"), e => Assert.False(e.HasAttribute("fill") || e.HasAttribute("stroke") || e.HasAttribute("style"), e.OuterHtml));
    }

    /// <summary>The WCAG contrast ratio of two sRGB colours.</summary>
    internal static double Contrast(string a, string b)
    {
        static double Luminance(string hex)
        {
            double Channel(int i)
            {
                var c = int.Parse(hex.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }

            return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
        }

        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    [Fact]
    public async Task The_team_page_shows_the_facts_the_goals_the_summary_and_names_the_pdf_after_initiative_and_date()
    {
        var client = Client();
        var token = await Initiatives.CreateAsync(client, "Seiten-Initiative Süd", level: 0.3, text: "Ziel-Freitext-4711", guide: ProductionGuides.Aufstellen);

        var page = await client.PageAsync($"/k/{token}/ergebnis?runde=1");
        var pdf = await client.GetAsync($"/k/{token}/ergebnis?runde=1&handler=Pdf");

        Assert.Equal("Seiten-Initiative Süd", page.QuerySelector(".profile h1")!.TextContent);
        var facts = page.QuerySelectorAll("#initiative table tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
        Assert.Contains(facts, f => f.Key.Contains("Phase", StringComparison.Ordinal) && f.Value.Length > 0);
        Assert.Contains(facts, f => f.Key.Contains("Rechtsform", StringComparison.Ordinal));
        Assert.Contains("Ziel-Freitext-4711", page.QuerySelector("section.summary .goals")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("section.summary .top-list"), list => Assert.InRange(list.QuerySelectorAll("ol.items > li").Length, 0, 3));
        Assert.All(page.QuerySelectorAll(".profile .chart"), chart => Assert.Equal(AxisLabels, Texts(chart.QuerySelectorAll(".axis .tick"))));
        Assert.All(page.QuerySelectorAll("#anhang > details"), d => Assert.False(d.HasAttribute("open")));

        var name = pdf.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", name.DispositionType);
        var match = Regex.Match(name.FileName!.Trim('"'), @"^Ergebnisprofil-Sich-gut-aufstellen-Seiten-Initiative-Sued-(\d{4}-\d{2}-\d{2})\.pdf$");
        Assert.True(match.Success, name.ToString());
        var date = DateOnly.ParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.InRange(date.DayNumber, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - 1, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber + 1);
        Assert.Equal(ProfileTexts.FileName(new ProfileHeader("Seiten-Initiative Süd", "Sich gut aufstellen", null, "2.0", "h", date, 1, 1, false), "pdf"), name.FileName.Trim('"'));
    }
}
