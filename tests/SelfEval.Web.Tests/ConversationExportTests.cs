using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Scoring.Exchange;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Pages.Coordinator;

namespace SelfEval.Web.Tests;

/// <summary>
/// The team conversation in the round's downloads (issue 16): the JSON carries the agreed answers and actions so that
/// the exchange reader and the <c>profile</c> command get them back; the CSV has a table of its own for them.
/// </summary>
public sealed class ConversationExportTests : IDisposable
{
    private const string Scale = "test-ziele-schriftlich";
    private const string Partner = "test-partner-unternehmen";

    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(("SelfEval:MinimumDaysBetweenRounds", "0"));

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private T Service<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private Questionnaire Guide => Service<SelfEval.Web.Questionnaires.QuestionnaireCatalog>().Find(TestGuides.Aufbau)!;

    /// <summary>
    /// A closed round whose team agreed on two answers and took on two actions, one of them marked done in round 2;
    /// the texts the coordinator typed begin like spreadsheet formulas.
    /// </summary>
    private async Task<(HttpClient Coordinator, string Token, RoundRecord Round)> TalkedAsync(bool nextRound = true)
    {
        var coordinator = Client();
        var token = await Attacks.Initiatives.CreateAsync(coordinator, "Initiative Gespräch", level: 0.5, coordinatorName: "Anna", guide: TestGuides.Aufbau);
        var assessments = Service<AssessmentStore>();
        var assessment = assessments.FindByCoordinatorToken(token)!;
        var round = assessments.CurrentRound(assessment.Id);
        var store = Service<ConversationStore>();
        store.Save(round.Id, Scale, StoredAnswer.From(Scale, new Answer.Choice("2")), "+1 für schriftlich", new ConversationStore.NewAction("Ziele in der Satzung festhalten", "=Cem", new DateOnly(2027, 1, 31)));
        store.Save(round.Id, Partner, StoredAnswer.From(Partner, new Answer.DontKnow()), null, new ConversationStore.NewAction("Unternehmen fragen", null, null));
        if (!nextRound)
        {
            return (coordinator, token, round);
        }

        var next = assessments.StartNextRound(assessment.Id, round.QuestionnaireVersionId, Guide)!;
        var first = store.Actions(round.Id)[0];
        store.Mark(round.Id, next.Round.Id, new Dictionary<long, ActionStatus> { [first.Id] = ActionStatus.Done });
        return (coordinator, token, round);
    }

    [Fact]
    public async Task The_json_export_carries_the_conversation_and_the_exchange_reader_gets_the_same_back()
    {
        var (coordinator, token, round) = await TalkedAsync();

        var json = await coordinator.GetStringAsync($"/k/{token}/export/1/json");
        var (data, problems) = ExchangeReader.Read(json, Guide);

        Assert.Empty(problems);
        var stored = Service<ConversationStore>().Read(round.Id);
        Assert.Equal(2, stored.Agreed.Count);
        Assert.Equal(stored.Agreed, data!.Conversation.Agreed);
        // The file numbers actions by their place; everything else is as stored, the round they were marked in too.
        Assert.Equal(stored.Actions.Select(a => a with { Id = 0 }), data.Conversation.Actions.Select(a => a with { Id = 0 }));
        Assert.Equal([2, (int?)null], data.Conversation.Actions.Select(a => a.MarkedInRound));
        Assert.Equal(["=Cem", null], data.Conversation.Actions.Select(a => a.Who)); // the JSON keeps every text as typed
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Equal(ExchangeReader.FormatVersion, (int)root["formatVersion"]!);
        Assert.Equal("2027-01-31", (string?)root["conversation"]!["actions"]![0]!["due"]);
        Assert.Equal("done", (string?)root["conversation"]!["actions"]![0]!["status"]);
    }

    [Fact]
    public async Task The_conversation_has_a_csv_of_its_own_with_texts_protected_from_formulas_offered_beside_the_answers()
    {
        var (coordinator, token, _) = await TalkedAsync();

        var page = await coordinator.PageAsync($"/k/{token}");
        var response = await coordinator.GetAsync($"/k/{token}/export/1/{ExportModel.ConversationCsv}");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.NotNull(page.QuerySelector($"ul.downloads a[href='/k/{token}/export/1/{ExportModel.ConversationCsv}']"));
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"selfeval-{TestGuides.Aufbau}-durchgang-1-teamgespraech.csv", response.Content.Headers.ContentDisposition!.FileName);
        using var reader = CsvHelper.CsvReader.Create(new StringReader(csv), CsvHelper.CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        }

        Assert.Equal(
        [
            "round|entry|question|agreed|note|what|who|due|status|status_round",
            $"1|agreed|{Scale}|2|'+1 für schriftlich|||||",
            $"1|agreed|{Partner}|weiß nicht||||||",
            $"1|action|{Scale}|||Ziele in der Satzung festhalten|'=Cem|2027-01-31|done|2",
            $"1|action|{Partner}|||Unternehmen fragen|||open|",
        ], rows);
    }

    [Fact]
    public async Task The_conversations_summary_offers_its_table_once_something_was_agreed()
    {
        var (coordinator, token, _) = await TalkedAsync(nextRound: false);

        var summary = await coordinator.PageAsync($"/k/{token}/teamgespraech/ergebnis");

        var link = summary.QuerySelector("#als-tabelle")!;
        Assert.Equal(SelfEval.Web.Pages.Conversation.ConversationTexts.DownloadTable, link.TextContent);
        Assert.Equal($"/k/{token}/export/1/{ExportModel.ConversationCsv}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_profile_command_builds_the_consensus_and_the_action_plan_from_the_json_export()
    {
        var (coordinator, token, _) = await TalkedAsync();
        using var folder = TestPaths.NewTempFolder();
        File.WriteAllText(folder.File("export.json"), await coordinator.GetStringAsync($"/k/{token}/export/1/json"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = SelfEval.Web.Cli.Commands.Run(
            ["profile", "tests/fixtures/questionnaires/test-aufbau.md", folder.File("export.json"), "--out", folder.File("p.pdf"), "--html", folder.File("p.html")], stdout, stderr, TestPaths.Repository, TestPaths.TestQuestionnaires);

        Assert.True(code == 0, stderr.ToString());
        var pdf = PdfText.Flat(PdfText.Read(File.ReadAllBytes(folder.File("p.pdf"))));
        Assert.Contains(SelfEval.Web.Reports.ProfileTexts.ActionPlanTitle, pdf, StringComparison.Ordinal);
        Assert.Contains("Ziele in der Satzung festhalten", pdf, StringComparison.Ordinal);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(folder.File("p.html")));
        Assert.NotNull(html.QuerySelector($"#{SelfEval.Web.Reports.Html.Outline.Consensus}"));
        Assert.Equal(2, html.QuerySelectorAll($"#{SelfEval.Web.Reports.Html.Outline.ActionPlan} table tbody tr").Length);
    }
}
