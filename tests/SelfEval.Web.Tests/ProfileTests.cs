using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Scoring.Exchange;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Cli;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports;

namespace SelfEval.Web.Tests;

/// <summary>The profile as people get it: the PDF read back as text, the offline command, the download.</summary>
public sealed class ProfileTests
{
    private static readonly QuestionnaireCatalog Catalog = QuestionnaireCatalog.Load(TestPaths.Questionnaires);

    private static string Example(string name) => Path.Combine(TestPaths.Repository, "docs", "examples", name + ".json");

    private static (ProfileReport Report, string Text) Render(string example, string guide)
    {
        var questionnaire = Catalog.Find(guide)!;
        var (data, problems) = ExchangeReader.Read(File.ReadAllText(Example(example)), questionnaire);
        Assert.Empty(problems);
        var card = Scorer.Score(questionnaire, data!.Profile, data.Respondents);
        var report = ProfileBuilder.Build(card, Catalog.Offers, new ProfileSubject(data.InitiativeName, new DateOnly(2026, 11, 22), 1));
        return (report, PdfText.Read(new PdfProfileRenderer().Render(report)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_guide_with_fewer_than_three_scored_sections_renders_in_page_and_pdf(int sections)
    {
        var (full, _) = Render("stark-wirkung-entfalten", "wirkung-entfalten");
        var report = full with { Sections = full.Sections.Take(sections).ToList() };

        var text = PdfText.Flat(PdfText.Read(new PdfProfileRenderer().Render(report)));
        var html = new HtmlProfileRenderer(new MarkdownRenderer()).RenderFragment(report);

        Assert.Contains("Ihre Abschnitte", text, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"radar\"", html, StringComparison.Ordinal);
        Assert.Equal(sections, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("#abschnitte table.bars")!.QuerySelectorAll("tbody tr").Length);
        foreach (var line in report.Sections)
        {
            Assert.Contains(line.Label, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_pdf_of_a_disagreeing_founding_team_names_every_section_the_scores_and_the_questions_to_discuss()
    {
        var (report, text) = Render("gruendungsteam-uneinig", "sich-gut-aufstellen");
        var flat = PdfText.Flat(text);

        Assert.Contains("Gründungsinitiative Lausitz-Industrie (Beispiel)", flat, StringComparison.Ordinal);
        Assert.Contains("„Sich gut aufstellen“, Version 2.0", flat, StringComparison.Ordinal);
        Assert.Contains("3 Personen", flat, StringComparison.Ordinal);
        foreach (var heading in new[] { ProfileTexts.SummaryTitle, ProfileTexts.StrengthsTitle, ProfileTexts.WeaknessesTitle, ProfileTexts.OffersTitle, ProfileTexts.TeamTitle, ProfileTexts.DiscussTitle, ProfileTexts.DiscussMark, ProfileTexts.DetailsTitle, ProfileTexts.ChecklistTitle, ProfileTexts.AppendixTitle, "So wurde gerechnet" })
        {
            Assert.Contains(heading, flat, StringComparison.Ordinal);
        }

        Assert.All(report.Sections, s => Assert.Contains(s.Label, flat, StringComparison.Ordinal));
        Assert.Contains($"Gesamt: {report.Overall.Band}", flat, StringComparison.Ordinal);
        Assert.NotEmpty(report.Team!.Discuss);
        Assert.All(report.Team.Discuss, d => Assert.Contains(PdfText.Flat(d.Item.Text), flat, StringComparison.Ordinal));
        Assert.All(report.Weaknesses, w => Assert.Contains(PdfText.Flat(w.Item.Text), flat, StringComparison.Ordinal));
        Assert.Contains(report.SupportNeeds[0].Title, flat, StringComparison.Ordinal);
        Assert.DoesNotContain("Sprecherin", flat, StringComparison.Ordinal); // no names of who said what (the example labels one person so)
        Assert.Matches(@"Seite 2 von \d+", flat);
    }

    [Fact]
    public void Offers_are_shown_with_the_urgent_ones_first_never_mittel_above_hoch()
    {
        var (report, _) = Render("gruendungsteam-uneinig", "sich-gut-aufstellen");

        Assert.Equal(3, report.SupportNeeds.Count);
        Assert.Equal(report.SupportNeeds.Select(n => n.Urgency).OrderByDescending(u => u), report.SupportNeeds.Select(n => n.Urgency));
        Assert.Equal(Urgency.High, report.SupportNeeds[0].Urgency); // the example holds one offer at the bottom of its scale
    }

    [Fact]
    public void A_strong_initiative_gets_its_strengths_and_no_checklist_for_the_impact_guide()
    {
        var (report, text) = Render("stark-wirkung-entfalten", "wirkung-entfalten");
        var flat = PdfText.Flat(text);

        Assert.Equal("Weit entwickelt", report.Overall.Band);
        Assert.InRange(report.Strengths.Count, 0, Method.MaxStrengths);            // outliers only, not 13 of 14 sections
        Assert.All(report.Strengths, s => Assert.Contains(PdfText.Flat(s.Text), flat, StringComparison.Ordinal));
        Assert.Contains(PdfText.Flat(ProfileTexts.StrengthsIntro(report)), flat, StringComparison.Ordinal);
        Assert.DoesNotContain("Besonders gut aufgestellt", flat, StringComparison.Ordinal);
        Assert.Null(report.Checklist);
        Assert.DoesNotContain("Aufbau-Checkliste", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("Übereinstimmung je Abschnitt", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weak_initiative_gets_its_weaknesses_with_next_steps_and_urgent_offers()
    {
        var (report, text) = Render("schwach-wirkung-entfalten", "wirkung-entfalten");
        var flat = PdfText.Flat(text);

        Assert.Equal("In Ansätzen", report.Overall.Band);
        Assert.InRange(report.Weaknesses.Count, 1, Method.MaxWeaknesses);
        Assert.All(report.Weaknesses, w => Assert.Contains(PdfText.Flat(w.Hint!), flat, StringComparison.Ordinal));
        Assert.Equal(Urgency.High, report.SupportNeeds[0].Urgency);
        Assert.Contains($"{report.SupportNeeds[0].Title} Dringlichkeit hoch", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Umlauts_quotes_and_dashes_come_out_of_the_pdf_exactly()
    {
        var (_, text) = Render("gruendungsteam-uneinig", "sich-gut-aufstellen");

        Assert.Contains("„", text, StringComparison.Ordinal);
        Assert.Contains("“", text, StringComparison.Ordinal);
        Assert.Contains("–", text, StringComparison.Ordinal);
        Assert.Contains("Wirkung nach außen", text, StringComparison.Ordinal);
        Assert.Contains("Gemeinsames Verständnis von Zielen und Wegen", text, StringComparison.Ordinal);
        Assert.Contains("Ihr Umfeld in der Region", text, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Commands.Run(["profile", .. args], stdout, stderr, TestPaths.Repository, TestPaths.Questionnaires);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_profile_command_writes_pdf_and_html_from_an_export()
    {
        using var folder = TestPaths.NewTempFolder();

        var (code, stdout, stderr) = Cli("questionnaires/sich-gut-aufstellen.md", "docs/examples/gruendungsteam-uneinig.json", "--out", folder.File("p.pdf"), "--html", folder.File("p.html"));

        Assert.True(code == 0, stderr);
        Assert.Contains("Gründungsinitiative Lausitz-Industrie (Beispiel), 3 Personen, Gesamt", stdout, StringComparison.Ordinal);
        Assert.Contains("Diskussionsbedarf", PdfText.Flat(PdfText.Read(File.ReadAllBytes(folder.File("p.pdf")))), StringComparison.Ordinal);
        var html = File.ReadAllText(folder.File("p.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Gründungsinitiative Lausitz-Industrie (Beispiel)", html, StringComparison.Ordinal);

        // The same components as the results page: the file's profile, with the team conversation it carries, is the fragment the page renders.
        var questionnaire = Catalog.Find("sich-gut-aufstellen")!;
        var (data, _) = ExchangeReader.Read(File.ReadAllText(Example("gruendungsteam-uneinig")), questionnaire);
        var report = ProfileBuilder.Build(
            Scorer.Score(questionnaire, data!.Team), Catalog.Offers, new ProfileSubject(data.InitiativeName, DateOnly.FromDateTime(DateTime.Today), 1), conversation: data.Conversation);
        Assert.NotNull(report.Consensus);
        Assert.Equal(4, report.Actions.Count);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var written = parser.ParseDocument(html);
        var fragment = parser.ParseDocument(new HtmlProfileRenderer(new MarkdownRenderer()).RenderFragment(report));
        Assert.Equal(fragment.QuerySelector("article.profile")!.OuterHtml, written.QuerySelector("main article.profile")!.OuterHtml);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("--mark-score", written.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_profile_command_refuses_bad_json_with_paths_and_writes_nothing()
    {
        using var folder = TestPaths.NewTempFolder();
        var json = JsonSerializer.Serialize(new { respondents = new[] { new { answers = new Dictionary<string, object> { ["kuemmerer"] = "9", ["gibt-es-nicht"] = "1", ["mitglieder"] = 3 } } } });
        File.WriteAllText(folder.File("kaputt.json"), json);

        var (code, _, stderr) = Cli("questionnaires/sich-gut-aufstellen.md", folder.File("kaputt.json"), "--out", folder.File("p.pdf"));

        Assert.Equal(1, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("kaputt.json: $.respondents[0].answers.kuemmerer: Der Wert \"9\" liegt nicht auf der Skala; möglich sind: 0, 1, 2, 3.", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("$.respondents[0].answers.gibt-es-nicht: Die Frage 'gibt-es-nicht' gibt es im Leitfaden 'sich-gut-aufstellen' (Version 2.0) nicht.", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("$.respondents[0].answers.mitglieder: 'mitglieder' ist eine Profilfrage und gehört unter initiative.", lines[2], StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("p.pdf")));
    }

    [Fact]
    public void The_profile_command_without_out_prints_its_usage()
    {
        var (code, _, stderr) = Cli("questionnaires/sich-gut-aufstellen.md", "docs/examples/gruendungsteam-uneinig.json");

        Assert.Equal(2, code);
        Assert.Equal(ProfileCommand.Usage, stderr.Trim());
    }
}
