using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Tests;

/// <summary>
/// Team members decide what the coordinator sees: every output reachable with the coordinator link shows a
/// person's own answers only as that person chose, and does what the sentence on the join page says.
/// </summary>
public sealed class SharingTests : IDisposable
{
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The goals section (its free text is the guide's first open question) and the partners, with a hidden follow-up.</summary>
    private static readonly string[] Sections = ["test-ziele", TestGuides.PartnerSection];

    /// <summary>A person's answers as posted: question id to value.</summary>
    private sealed record Person(string Name, Dictionary<string, string> Answers);

    private static readonly string[] FreeTexts = ["Freitext-Anna-1111", "Freitext-Carla-0815", "Geheimtext-Bernd-4711", "Freitext-Dora-2323"];

    /// <summary>An exported answer as it was posted: a multiple choice is an array, here of the one box ticked.</summary>
    private static string? Posted(JsonNode? answer) => answer is JsonArray values ? (string?)Assert.Single(values) : (string?)answer;

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    private async Task<(HttpClient Client, string Token, IHtmlDocument StartPage)> StartAsync(string name)
    {
        var client = Client();
        var page = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        var set = TestGuides.Profile("Initiative Nordwind");
        set["q.test-startjahr"] = ["2024"];
        set["CoordinatorName"] = [name];
        var location = (await client.SubmitAsync(page.Form("form.answer-form"), set)).Location();
        return (client, location[3..46], page);
    }

    private static async Task<string> InviteAsync(HttpClient coordinator, string token) =>
        new Uri(((IHtmlInputElement)(await coordinator.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;

    /// <summary>Joins through the real invitation form; <paramref name="sharing"/> null leaves the choice as the form offers it.</summary>
    private async Task<(HttpClient Client, string Link, IHtmlDocument JoinPage)> JoinAsync(string invite, string name, string? sharing)
    {
        var client = Client();
        var join = await client.PageAsync(invite);
        var set = new Dictionary<string, string[]> { ["Label"] = [name] };
        if (sharing is not null)
        {
            set["Sharing"] = [sharing];
        }

        var location = (await client.SubmitAsync(join.Form("form.answer-form"), set)).Location();
        return (client, location[..46], join);
    }

    /// <summary>Answers every visible question of the sections: option <paramref name="pick"/> (or the last; never "weiß nicht"), and the text for free texts.</summary>
    private static async Task<Dictionary<string, string>> AnswerAsync(HttpClient client, string link, int pick, string text)
    {
        var answers = new Dictionary<string, string>();
        foreach (var section in Sections)
        {
            var page = await client.PageAsync($"{link}/{section}");
            var set = new Dictionary<string, string[]>();
            foreach (var field in page.QuerySelectorAll("[data-question]").Where(f => !f.HasAttribute("hidden")))
            {
                var id = field.GetAttribute("data-question")!;
                var options = field.QuerySelectorAll("input[type=radio], input[type=checkbox]")
                    .Select(i => i.GetAttribute("value")!).Where(v => v is not ("__nr" or "__dont-know")).ToList();
                var value = options.Count > 0 ? options[Math.Min(pick, options.Count - 1)] : $"{text} ({id})";
                set["q." + id] = [value];
                answers[id] = value;
            }

            var response = await client.SubmitAsync(page.Form("#antworten"), set, "go=weiter");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }

        return answers;
    }

    /// <summary>
    /// The person's name appears nowhere in the output. The free texts carry the names to be recognisable and,
    /// as the sentence says, appear without names in the team's figures, so they are taken out first.
    /// </summary>
    private static void AssertNotAttributed(string output, string where, params Person[] hidden)
    {
        output = FreeTexts.Aggregate(output, (o, text) => o.Replace(text, "…", StringComparison.Ordinal));
        foreach (var person in hidden)
        {
            Assert.False(Regex.IsMatch(output, $@"\b{person.Name}\b"), $"{where} names {person.Name}");
        }
    }

    [Fact]
    public async Task The_export_never_lists_the_answers_of_a_member_who_did_not_choose_to_share()
    {
        var (coordinator, token, _) = await StartAsync("Anna");
        var (client, link, _) = await JoinAsync(await InviteAsync(coordinator, token), "Bernd", sharing: null);
        var bernd = new Person("Bernd", await AnswerAsync(client, link, pick: 0, "Geheimtext-Bernd-4711"));

        var json = await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=json");
        var csv = await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=csv");

        var labels = JsonNode.Parse(json)!["respondents"]!.AsArray().Select(r => (string?)r!["label"]).ToList();
        Assert.Equal(["Anna"], labels);
        AssertNotAttributed(json, "the JSON export", bernd);
        AssertNotAttributed(csv, "the CSV export", bernd);
        var withoutTeam = JsonNode.Parse(json)!.AsObject();
        withoutTeam.Remove("team");
        Assert.DoesNotContain("Geheimtext-Bernd-4711", withoutTeam.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(csv.Split('\n'), line => line.Contains("Geheimtext-Bernd-4711", StringComparison.Ordinal) && line.StartsWith($"1,{RoundExport.TeamRow},", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_output_reachable_by_the_coordinator_follows_each_persons_choice_and_the_sentence_they_saw()
    {
        var (coordinator, token, startPage) = await StartAsync("Anna");
        Assert.Contains(SharingTexts.Rule, Flat(startPage.Body!.TextContent), StringComparison.Ordinal);
        var invite = await InviteAsync(coordinator, token);

        var (carlaClient, carlaLink, joinPage) = await JoinAsync(invite, "Carla", "name");
        var (berndClient, berndLink, _) = await JoinAsync(invite, "Bernd", sharing: null);
        var (doraClient, doraLink, _) = await JoinAsync(invite, "Dora", "pseudonym");

        // What each of them read before answering, and the choice as the join form offers it.
        var joinText = Flat(joinPage.Body!.TextContent);
        Assert.Contains(SharingTexts.Rule, joinText, StringComparison.Ordinal);
        foreach (var label in new[] { SharingTexts.Question, SharingTexts.NoneLabel, SharingTexts.PseudonymLabel, SharingTexts.NameLabel })
        {
            Assert.Contains(label, joinText, StringComparison.Ordinal);
        }

        Assert.Equal("none", joinPage.QuerySelector("input[name=Sharing]:checked")?.GetAttribute("value"));

        var anna = new Person("Anna", await AnswerAsync(coordinator, $"/a/{token}", pick: 2, FreeTexts[0]));
        var carla = new Person("Carla", await AnswerAsync(carlaClient, carlaLink, pick: 3, FreeTexts[1]));
        var bernd = new Person("Bernd", await AnswerAsync(berndClient, berndLink, pick: 0, FreeTexts[2]));
        var dora = new Person("Dora", await AnswerAsync(doraClient, doraLink, pick: 9, FreeTexts[3]));
        var page = await coordinator.PageAsync($"/k/{token}/abschliessen");
        await coordinator.SubmitAsync(page.Form("form[action*=Close]"));

        // The coordinator page: who takes part and how far, never an answer.
        var coordinatorPage = Flat((await coordinator.PageAsync($"/k/{token}")).Body!.TextContent);
        Assert.Contains("Bernd", coordinatorPage, StringComparison.Ordinal);
        foreach (var text in new[] { "Geheimtext-Bernd-4711", "Freitext-Carla-0815", "Freitext-Dora-2323" })
        {
            Assert.DoesNotContain(text, coordinatorPage, StringComparison.Ordinal);
        }

        // The team profile, page and PDF: figures and texts without any name or label, as the sentence says.
        var profile = Flat((await coordinator.PageAsync($"/k/{token}/ergebnis?runde=1")).QuerySelector("main")!.TextContent);
        var pdf = PdfText.Flat(PdfText.Read(await coordinator.GetByteArrayAsync($"/k/{token}/ergebnis?runde=1&handler=Pdf")));
        foreach (var (output, where) in new[] { (profile, "the profile page"), (pdf, "the PDF") })
        {
            AssertNotAttributed(output, where, anna, carla, bernd, dora);
            Assert.DoesNotMatch(@"Person [A-Z]\b", output);
            Assert.Contains("4 Personen", output, StringComparison.Ordinal);
            Assert.Contains("Geheimtext-Bernd-4711 (test-ziele-text)", output, StringComparison.Ordinal);
        }

        // The guide's only open question is the goals question: the page shows its texts under the goals on page one,
        // with the note that says why they carry no names; the PDF under the open answers.
        Assert.Contains($"{SelfEval.Web.Reports.ProfileTexts.GoalsTitle} {SharingTexts.OpenAnswersNote}", profile, StringComparison.Ordinal);
        Assert.Contains(SharingTexts.OpenAnswersTitle, pdf, StringComparison.Ordinal);

        // JSON: the coordinator and Carla by name, Dora as "Person …", Bernd only inside the team's figures.
        var json = JsonNode.Parse(await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=json"))!;
        var people = json["respondents"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(3, people.Count);
        Assert.Equal(["Anna", "Carla"], people.Take(2).Select(p => (string?)p["label"]));
        var pseudonym = (string)people[2]["label"]!;
        Assert.Matches("^Person [A-Z]$", pseudonym);
        Assert.Null(people[2]["finishedAt"]); // a date could be matched with the coordinator page's list
        foreach (var (person, entry) in new[] { (anna, people[0]), (carla, people[1]), (dora, people[2]) })
        {
            var answers = entry["answers"]!.AsObject();
            Assert.All(person.Answers, a => Assert.Equal(a.Value, Posted(answers[a.Key])));
        }

        var team = json["team"]!;
        Assert.Equal(4, (int)team["respondents"]!);
        var firstScale = bernd.Answers.Keys.First();
        var counts = team["answers"]![firstScale]!["counts"]!.AsObject();
        Assert.Equal(4, counts.Sum(c => (int)c.Value!));
        Assert.Equal(1, (int)counts[bernd.Answers[firstScale]]!);
        var texts = team["answers"]!["test-ziele-text"]!["texts"]!.AsArray().Select(t => (string)t!).ToList();
        Assert.Equal(texts.Order(StringComparer.Ordinal), texts); // alphabetical: the order tells nothing
        Assert.Contains("Geheimtext-Bernd-4711 (test-ziele-text)", texts);
        var rawJson = json.ToJsonString();
        AssertNotAttributed(rawJson, "the JSON export", bernd, dora);
        json.AsObject().Remove("team");
        Assert.DoesNotContain("Geheimtext-Bernd-4711", json.ToJsonString(), StringComparison.Ordinal);

        // CSV: the same people one row each, then one row for the whole team.
        var csvText = await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=csv");
        AssertNotAttributed(csvText, "the CSV export", bernd, dora);
        using var reader = CsvReader.Create(new StringReader(csvText));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        var header = reader.Headers.ToList();
        Assert.Equal(["Anna", "Carla", pseudonym, RoundExport.TeamRow], rows.Select(r => r[1]));
        foreach (var (person, row) in new[] { (anna, rows[0]), (carla, rows[1]), (dora, rows[2]) })
        {
            Assert.All(person.Answers, a => Assert.Equal(a.Value, row[header.IndexOf(a.Key)]));
        }

        Assert.All(rows.Take(3), r => Assert.DoesNotContain(r, cell => cell.Contains("Geheimtext-Bernd-4711", StringComparison.Ordinal)));
        Assert.Contains("Geheimtext-Bernd-4711 (test-ziele-text)", rows[3][header.IndexOf("test-ziele-text")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_changes_the_choice_on_the_review_page_even_after_the_round_is_closed()
    {
        var (coordinator, token, _) = await StartAsync("Anna");
        var invite = await InviteAsync(coordinator, token);
        var (carla, carlaLink, _) = await JoinAsync(invite, "Carla", "name");
        var (bernd, berndLink, _) = await JoinAsync(invite, "Bernd", sharing: null);
        await AnswerAsync(carla, carlaLink, pick: 3, FreeTexts[1]);
        await AnswerAsync(bernd, berndLink, pick: 0, FreeTexts[2]);
        await coordinator.CloseRoundAsync(token);

        Assert.Null((await coordinator.PageAsync($"/a/{token}/abschluss")).QuerySelector("#teilen")); // the coordinator's answers are theirs anyway
        var review = await carla.PageAsync($"{carlaLink}/abschluss");
        Assert.Contains(SharingTexts.Rule, Flat(review.QuerySelector("#teilen")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("name", review.QuerySelector("#teilen input[name=Sharing]:checked")!.GetAttribute("value"));
        var saved = await carla.SubmitAsync(review.Form("#teilen form"), new Dictionary<string, string[]> { ["Sharing"] = ["none"] });
        Assert.Equal($"{carlaLink}/abschluss?notice=SharingSaved#teilen", saved.Location());
        Assert.Contains(SharingTexts.Saved, (await carla.PageAsync(saved.Location())).QuerySelector("#teilen .notice")!.TextContent, StringComparison.Ordinal);
        var berndReview = await bernd.PageAsync($"{berndLink}/abschluss");
        await bernd.SubmitAsync(berndReview.Form("#teilen form"), new Dictionary<string, string[]> { ["Sharing"] = ["pseudonym"] });

        var json = JsonNode.Parse(await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=json"))!;
        var labels = json["respondents"]!.AsArray().Select(r => (string?)r!["label"]).ToList();
        Assert.Equal(["Anna", "Person A"], labels);
        Assert.Equal("pseudonym", (string?)json["respondents"]![1]!["sharing"]);
        Assert.Equal("0", (string?)json["respondents"]![1]!["answers"]!["test-ziele-schriftlich"]); // Bernd's first option
        Assert.Contains(SharingTexts.SharedCount(1, 2), Flat((await coordinator.PageAsync($"/k/{token}")).Body!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_offline_profile_from_the_json_export_is_the_profile_the_coordinator_sees()
    {
        var (coordinator, token, _) = await StartAsync("Anna");
        var invite = await InviteAsync(coordinator, token);
        await AnswerAsync(coordinator, $"/a/{token}", pick: 2, FreeTexts[0]);
        foreach (var (name, sharing, pick) in new[] { ("Carla", "name", 3), ("Bernd", "none", 0), ("Dora", "pseudonym", 9) })
        {
            var (client, link, _) = await JoinAsync(invite, name, sharing);
            await AnswerAsync(client, link, pick, $"Freitext-{name}");
        }

        using var folder = TestPaths.NewTempFolder();
        File.WriteAllText(folder.File("export.json"), await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=json"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SelfEval.Web.Cli.Commands.Run(
            ["profile", "tests/fixtures/questionnaires/test-aufbau.md", folder.File("export.json"), "--out", folder.File("p.pdf")], stdout, stderr, TestPaths.Repository, TestPaths.TestQuestionnaires);

        Assert.True(code == 0, stderr.ToString());
        var page = await coordinator.PageAsync($"/k/{token}/ergebnis?runde=1");
        var overall = page.QuerySelector(".overall .big")!.TextContent.Replace(" von 100", string.Empty, StringComparison.Ordinal).Trim();
        Assert.Contains($"Initiative Nordwind, 4 Personen, Gesamt {overall}", stdout.ToString(), StringComparison.Ordinal);
        var pdf = PdfText.Flat(PdfText.Read(File.ReadAllBytes(folder.File("p.pdf"))));
        Assert.Contains("Freitext-Bernd", pdf, StringComparison.Ordinal);
        Assert.Contains("Diskussionsbedarf", pdf, StringComparison.Ordinal);
    }
}
