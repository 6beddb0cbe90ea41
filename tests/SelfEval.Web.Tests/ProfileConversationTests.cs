using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SelfEval.Scoring.Exchange;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports;
using SelfEval.Web.Reports.Html;
using SelfEval.Web.Reports.Pdf;

namespace SelfEval.Web.Tests;

/// <summary>What the team conversation adds to the profile, on the page and in the PDF: the consensus, the action plan, the actions in the trend.</summary>
public sealed class ProfileConversationTests
{
    private static readonly QuestionnaireCatalog Catalog = QuestionnaireCatalog.Load(TestPaths.Questionnaires);

    private static readonly ProfileSubject Founding = new("Gründungsinitiative Lausitz-Industrie (Beispiel)", new DateOnly(2026, 11, 22), 1);

    private static ScoreCard Card(string example, string guide)
    {
        var questionnaire = Catalog.Find(guide)!;
        var (data, problems) = ExchangeReader.Read(File.ReadAllText(Path.Combine(TestPaths.Repository, "docs", "examples", example + ".json")), questionnaire);
        Assert.Empty(problems);
        return Scorer.Score(questionnaire, data!.Profile, data.Respondents);
    }

    private static Answer Top(ItemResult item) => new Answer.Choice(item.Question.Options.Where(o => o.Points is not null).MaxBy(o => o.Points)!.Value);

    /// <summary>The disagreeing founding team after its conversation: the three largest disagreements settled at the top, five actions.</summary>
    private static (ScoreCard Card, TeamConversation Conversation) Talked()
    {
        var card = Card("gruendungsteam-uneinig", "sich-gut-aufstellen");
        var discussed = card.Items.Where(i => i.ToDiscuss).OrderByDescending(i => i.StepRange).ThenBy(i => i.Order).ToList();
        var agreed = discussed.Take(3).Select(i => new AgreedAnswer(i.Question.Id, Top(i), "Nach dem Gespräch einig.")).ToList();
        var q = discussed.Select(i => i.Question.Id).ToList();
        TeamAction Action(long id, int question, string what, string? who, DateOnly? due) => new(id, q[question % q.Count], what, who, due, ActionStatus.Open, 1);
        return (card, new TeamConversation(agreed,
        [
            Action(1, 0, "Zielbild in einer Klausur gemeinsam aufschreiben", "Anna und Ben", new DateOnly(2027, 3, 15)),
            Action(2, 1, "Mit der Wirtschaftsförderung über eine Anschubfinanzierung sprechen", "Cem", new DateOnly(2027, 1, 31)),
            Action(3, 2, "Rollen im Kernteam klären", null, null),
            Action(4, 3, "Ein Treffen mit zwei Unternehmen aus dem Gewerbegebiet vereinbaren, um über gemeinsame Schulbesuche, Praktika und einen Tag der offenen Tür im Herbst zu sprechen", "Dana", new DateOnly(2027, 2, 28)),
            Action(5, 4, "Protokoll der Sitzungen für alle zugänglich ablegen", "Ben", new DateOnly(2027, 2, 1)),
        ]));
    }

    private static ProfileReport Report()
    {
        var (card, conversation) = Talked();
        return ProfileBuilder.Build(card, Catalog.Offers, Founding, null, conversation);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Html(ProfileReport report) =>
        new HtmlParser().ParseDocument(new HtmlProfileRenderer(new MarkdownRenderer()).RenderFragment(report));

    [Fact]
    public void The_page_shows_the_consensus_beside_the_mean_overall_and_per_section()
    {
        var report = Report();
        var consensus = report.Consensus!;
        Assert.Equal(3, consensus.Agreed);

        var html = Html(report);

        var rows = html.QuerySelectorAll($"#{Outline.Sections} #{Outline.Consensus} table tbody tr");
        Assert.Equal(consensus.Sections.Count + 1, rows.Length);
        var cells = consensus.Sections.Prepend(consensus.Overall).Select(l => new[] { l.Mean.Label, ProfileTexts.Number(l.Mean.Shown), ProfileTexts.Number(l.Consensus.Shown), ProfileTexts.Delta(l.Delta), l.Agreed.ToString(Format.German) });
        Assert.Equal(cells.Select(c => string.Join('|', c)), rows.Select(r => string.Join('|', r.Children.Select(c => c.TextContent.Trim()))));
        Assert.True(consensus.Overall.Consensus.Shown > consensus.Overall.Mean.Shown); // settled at the top: the consensus lies above the mean
        Assert.Contains(ProfileTexts.ConsensusIntro(consensus), html.QuerySelector($"#{Outline.Consensus}")!.TextContent, StringComparison.Ordinal);
        var line = html.QuerySelector($"#{Outline.Summary} .consensus-line a")!;
        Assert.Equal(ProfileTexts.ConsensusSummary(consensus), line.TextContent);
        Assert.Equal($"#{Outline.Consensus}", line.GetAttribute("href"));
    }

    [Fact]
    public void The_page_shows_the_action_plan_by_due_date_and_page_one_names_the_next_action()
    {
        var report = Report();

        var html = Html(report);

        var rows = html.QuerySelectorAll($"#{Outline.ActionPlan} table tbody tr");
        Assert.Equal(
            ["Mit der Wirtschaftsförderung über eine Anschubfinanzierung sprechen", "Protokoll der Sitzungen für alle zugänglich ablegen", "Ein Treffen", "Zielbild in einer Klausur gemeinsam aufschreiben", "Rollen im Kernteam klären"],
            rows.Select(r => r.Children[1].TextContent.Trim()).Select(t => t.StartsWith("Ein Treffen", StringComparison.Ordinal) ? "Ein Treffen" : t));
        Assert.Equal(["31.01.2027", "01.02.2027", "28.02.2027", "15.03.2027", "–"], rows.Select(r => r.Children[3].TextContent.Trim()));
        Assert.Equal(["Cem", "Ben", "Dana", "Anna und Ben", "–"], rows.Select(r => r.Children[2].TextContent.Trim()));
        Assert.All(rows, r => Assert.Equal("offen", r.Children[4].TextContent.Trim()));
        Assert.StartsWith(report.Actions[0].Number + " ", rows[0].Children[0].TextContent.Trim(), StringComparison.Ordinal);
        var summary = html.QuerySelector($"#{Outline.Summary} .actions-line")!.TextContent;
        Assert.Equal("Maßnahmenplan: 5 Maßnahmen; als Nächstes bis 31.01.2027: „Mit der Wirtschaftsförderung über eine Anschubfinanzierung sprechen“ (Cem).", summary);
        var contents = html.QuerySelectorAll($"#{Outline.Summary} nav a").Select(a => a.TextContent).ToList();
        Assert.True(contents.IndexOf(ProfileTexts.ActionPlanTitle) == contents.IndexOf(ProfileTexts.OffersTitle) + 1, string.Join(", ", contents));
        Assert.DoesNotContain(ProfileTexts.ConsensusTitle, contents); // part of the sections, not a section of its own
    }

    [Fact]
    public void An_agreed_answer_in_the_lists_says_it_was_agreed()
    {
        var report = Report();
        var agreed = report.Strengths.Concat(report.Weaknesses.Select(w => w.Item)).Concat(report.SupportNeeds.SelectMany(n => n.Because)).FirstOrDefault(i => i.Agreed);
        Assert.NotNull(agreed);

        var text = Html(report).QuerySelector(".profile")!.TextContent;

        Assert.Contains(ProfileTexts.Answer(agreed), text, StringComparison.Ordinal);
        Assert.Contains(ProfileTexts.AgreedMark, ProfileTexts.Answer(agreed), StringComparison.Ordinal);
    }

    [Fact]
    public void The_details_show_each_agreed_answer_with_its_note_beside_the_individual_answers()
    {
        var report = Report();
        var agreed = report.Details.SelectMany(d => d.Items).Where(i => i.Agreed is not null).ToList();
        Assert.Equal(3, agreed.Count);

        var html = Html(report).QuerySelector($"#{Outline.Appendix}")!.TextContent;
        var pdf = PdfText.Flat(PdfText.ReadRaw(new PdfProfileRenderer().Render(report)));

        Assert.All(agreed, i =>
        {
            var said = ProfileTexts.AgreedDetail(i)!;
            Assert.EndsWith(" – Nach dem Gespräch einig.", said, StringComparison.Ordinal);
            Assert.Contains(said, html, StringComparison.Ordinal);
            Assert.Contains(PdfText.Flat(said), pdf, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Without_a_conversation_the_profile_says_nothing_about_one()
    {
        var report = ProfileBuilder.Build(Card("gruendungsteam-uneinig", "sich-gut-aufstellen"), Catalog.Offers, Founding);

        var html = Html(report);
        var pdf = PdfText.Flat(PdfText.Read(new PdfProfileRenderer().Render(report)));

        Assert.Null(html.QuerySelector($"#{Outline.Consensus}"));
        Assert.Null(html.QuerySelector($"#{Outline.ActionPlan}"));
        Assert.Null(html.QuerySelector(".consensus-line, .actions-line"));
        Assert.DoesNotContain(ProfileTexts.ConsensusTitle, pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(ProfileTexts.ActionPlanTitle + ":", pdf, StringComparison.Ordinal);      // the guide itself speaks of a Maßnahmenplan
        Assert.DoesNotContain(ProfileTexts.ActionPlanIntro([])[2..40], pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_has_the_consensus_after_the_section_bars_the_action_plan_as_a_section_of_its_own_and_both_on_page_one()
    {
        var report = Report();
        var drawn = new List<DrawnText>();
        var pdf = new PdfProfileRenderer().Render(report, drawn);
        var pages = PdfText.Read(pdf).Split('\f');
        if (Environment.GetEnvironmentVariable("SELFEVAL_PDF_OUT") is { Length: > 0 } file)
        {
            File.WriteAllBytes(file, pdf); // to look at it
        }

        var one = PdfText.Flat(pages[0]);
        Assert.Contains(PdfText.Flat(ProfileTexts.ConsensusSummary(report.Consensus!)), one, StringComparison.Ordinal);
        // The next action's text is shortened where it would wrap: page one keeps its contents.
        Assert.Contains("Maßnahmenplan: 5 Maßnahmen; als Nächstes bis 31.01.2027: „Mit der Wirtschaftsförderung", one, StringComparison.Ordinal);
        Assert.Contains(ProfileTexts.ContentsTitle, one, StringComparison.Ordinal);
        var entry = Regex.Match(pages[0], Regex.Escape(ProfileTexts.ActionPlanTitle) + @" \.*\s*(\d+)\b");
        Assert.True(entry.Success, "the action plan is not in the contents");
        Assert.Matches(new Regex("^" + Regex.Escape(ProfileTexts.ActionPlanTitle) + "$", RegexOptions.Multiline), pages[int.Parse(entry.Groups[1].Value) - 1]);
        // The consensus follows the section bars on the page the contents gives for them.
        var sections = int.Parse(Regex.Match(pages[0], Regex.Escape(ProfileTexts.SectionsTitle) + @" \.*\s*(\d+)\b").Groups[1].Value);
        Assert.Contains(pages.Skip(sections - 1).Take(2), p => Regex.IsMatch(p, "^" + Regex.Escape(ProfileTexts.ConsensusTitle) + "$", RegexOptions.Multiline));

        // Every action's what, who and date, in the plan's order; the consensus row of the whole with both numbers.
        var raw = PdfText.Flat(PdfText.ReadRaw(pdf));
        var plan = raw[raw.IndexOf(ProfileTexts.ActionPlanIntro(report.Actions)[..20], StringComparison.Ordinal)..];
        var at = report.Actions.Select(a => plan.IndexOf(PdfText.Flat(a.What), StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);
        Assert.Matches($@"Gesamt {ProfileTexts.Number(report.Consensus!.Overall.Mean.Shown)} {ProfileTexts.Number(report.Consensus.Overall.Consensus.Shown)} {Regex.Escape(ProfileTexts.Delta(report.Consensus.Overall.Delta))} 3", raw);
        Assert.All(drawn, d => Assert.True(d.X >= PdfLayout.Left - 0.01 && d.X + d.Width <= PdfLayout.Right + 0.01, $"„{d.Text}“ on page {d.Page} spans past the margins"));
    }

    [Fact]
    public void The_conversation_adds_at_most_one_page_before_the_appendix()
    {
        static int Appendix(ProfileReport r) => Array.FindIndex(PdfText.Read(new PdfProfileRenderer().Render(r)).Split('\f'), p => Regex.IsMatch(p.TrimStart(), $@"^{ProfileTexts.AppendixTitle}\s"));
        var (card, conversation) = Talked();

        var without = Appendix(ProfileBuilder.Build(card, Catalog.Offers, Founding));
        var with = Appendix(ProfileBuilder.Build(card, Catalog.Offers, Founding, null, conversation));

        Assert.InRange(with - without, 0, 1);
    }

    [Fact]
    public void The_trend_reports_the_last_rounds_actions_and_their_sections_change_on_the_page_and_in_the_pdf()
    {
        var before = Card("schwach-wirkung-entfalten", "wirkung-entfalten");
        var now = Card("stark-wirkung-entfalten", "wirkung-entfalten");
        var ids = before.Items.Select(i => i.Question.Id).ToList();
        var previous = new PreviousRound(1, before)
        {
            Conversation = new TeamConversation([],
            [
                new(1, ids[0], "Schulkooperation starten", "Anna", new DateOnly(2026, 3, 1), ActionStatus.Done, 1),
                new(2, ids[^1], "Presse einladen", null, new DateOnly(2026, 5, 1), ActionStatus.Partly, 1),
                new(3, ids[3], "Förderantrag stellen", "Ben", null, ActionStatus.NotDone, 1),
                new(4, ids[5], "Webseite erneuern", null, null, ActionStatus.Open, 1),
            ]),
        };
        var report = ProfileBuilder.Build(now, Catalog.Offers, new ProfileSubject("Beispielinitiative", new DateOnly(2026, 11, 22), 2), previous);
        var trend = report.Trend!;
        Assert.Equal(4, trend.Actions.Count);
        Assert.All(trend.Actions, a => Assert.NotNull(a.Section?.Delta));

        var html = Html(report).QuerySelector($"#{Outline.Trend}")!;
        var pdf = PdfText.Flat(PdfText.ReadRaw(new PdfProfileRenderer().Render(report)));

        var summary = ProfileTexts.TrendActionsSummary(trend);
        Assert.StartsWith("Von 4 Maßnahmen aus Durchgang 1 hat Ihr Team 1 als erledigt, 1 als teilweise erledigt und 1 als nicht erledigt markiert; 1 ist nicht markiert.", summary, StringComparison.Ordinal);
        Assert.Contains(summary, html.TextContent, StringComparison.Ordinal);
        Assert.Contains(PdfText.Flat(summary), pdf, StringComparison.Ordinal);
        var rows = html.QuerySelectorAll("table.trend-actions tbody tr");
        Assert.Equal(trend.Actions.Select(a => ProfileTexts.Delta(a.Section!.Delta)), rows.Select(r => r.Children[3].TextContent.Trim()));
        Assert.Equal(trend.Actions.Select(a => ProfileTexts.Status(a.Action.Status)), rows.Select(r => r.Children[1].TextContent.Trim()));
        foreach (var outcome in trend.Actions)
        {
            // The section's change as the trend table above prints it: before → now and the difference.
            Assert.Contains($"{PdfText.Flat(ProfileTexts.SectionChange(outcome.Section))} {ProfileTexts.Delta(outcome.Section!.Delta)}", pdf, StringComparison.Ordinal);
            Assert.Equal(outcome.Section.Delta, outcome.Section.Now - outcome.Section.Before);
        }
    }
}
