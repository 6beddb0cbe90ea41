using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfEval.Web.Assessments;
using static SelfEval.Web.Tests.CoordinatorTests;

namespace SelfEval.Web.Tests.Attacks;

/// <summary>
/// A coordinator who reissues a member's link holds that link. The attack: read through it the answers the member
/// did not share (on the section pages, the overview, the own results and their PDF), or switch the member's choice
/// to "mit Namen teilen" through it and read them in the export.
/// </summary>
public sealed class ReissueAttackTests : IDisposable
{
    private const string Secret = "Geheimtext-4711-Q";

    private readonly SelfEvalFactory _factory = SelfEvalFactory.With(("SelfEval:RoundActionsPerMinute", "1000"));

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Goes through every section of a personal link with the first option everywhere and the secret in every text field.</summary>
    private static async Task<int> AnswerAllAsync(HttpClient member, string link)
    {
        var answered = 0;
        var next = (await member.GetAsync(link)).Location();
        while (!next.Contains("abschluss", StringComparison.Ordinal))
        {
            var page = await member.PageAsync(next);
            var set = page.QuerySelectorAll("[data-question]:not([hidden])").ToDictionary(
                f => "q." + f.GetAttribute("data-question"),
                f => f.QuerySelector($"textarea[name='q.{f.GetAttribute("data-question")}']") is not null ? new[] { Secret }
                    : f.QuerySelector("input[type=text]") is not null ? ["1"] // a number or a short text: "1" is both
                    : f.QuerySelectorAll("input[type=radio], input[type=checkbox]").Select(i => i.GetAttribute("value")!).Where(v => !v.StartsWith("__", StringComparison.Ordinal)).Take(1).ToArray());
            answered += set.Count(s => s.Value.Length > 0);
            // The secret also goes into every evidence note: a note is as private as the answer it stands beside.
            foreach (var note in page.QuerySelectorAll("[data-question]:not([hidden]) textarea[name^='e.']"))
            {
                set[note.GetAttribute("name")!] = [Secret];
            }
            next = (await member.SubmitAsync(page.Form("#antworten"), set, "go=weiter")).Location();
        }

        return answered;
    }

    private static async Task<string> ReissueAsync(HttpClient coordinator, string token, string label)
    {
        var index = await coordinator.PageAsync($"/k/{token}");
        var href = index.QuerySelectorAll("table.respondents a").Single(a => a.TextContent.Trim() == $"{PeopleTexts.ReissueAction}: {label}").GetAttribute("href")!;
        var confirm = await coordinator.PageAsync(href);
        var shown = await (await coordinator.SubmitAsync(confirm.Form("form[action*=Reissue]"))).ParseAsync();
        return new Uri(((IHtmlInputElement)shown.QuerySelector("#neuer-link")!).Value).AbsolutePath;
    }

    private static async Task<JsonArray> ExportedPeopleAsync(HttpClient coordinator, string token) =>
        JsonNode.Parse(await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=json"))!["respondents"]!.AsArray();

    /// <summary>Everything the link shows of the person's own answers: section pages, overview, own results and their PDF.</summary>
    private static async Task AssertShowsNothingAsync(HttpClient attacker, string link)
    {
        var review = await attacker.PageAsync($"{link}/abschluss");
        Assert.Empty(review.QuerySelectorAll(".answer-review > div:not(.unanswered)"));
        Assert.DoesNotContain(Secret, review.Body!.InnerHtml, StringComparison.Ordinal);
        foreach (var section in review.QuerySelectorAll(".review-section p a").Select(a => a.GetAttribute("href")!))
        {
            var page = await attacker.PageAsync(section);
            Assert.Empty(page.QuerySelectorAll("[data-question] input:checked"));
            Assert.DoesNotContain(Secret, page.Body!.InnerHtml, StringComparison.Ordinal);
        }

        var own = await attacker.PageAsync($"{link}/ergebnis");
        Assert.DoesNotContain(Secret, own.Body!.InnerHtml, StringComparison.Ordinal);
        var pdf = await attacker.GetByteArrayAsync($"{link}/ergebnis?handler=Pdf");
        Assert.DoesNotContain(Secret, PdfText.Read(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_cannot_read_unshared_answers_through_a_link_they_reissued()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator);
        var ben = Client();
        var old = await JoinAsync(ben, await InviteAsync(coordinator, token), "Ben", sharing: "none");
        var answered = await AnswerAllAsync(ben, old);
        Assert.Contains(Secret, (await ben.PageAsync($"{old}/abschluss")).Body!.InnerHtml, StringComparison.Ordinal); // his own link shows them

        var link = await ReissueAsync(coordinator, token, "Ben");

        await AssertShowsNothingAsync(coordinator, link);

        // Through the link the attacker makes Ben share by name: his earlier answers still do not appear one by one.
        var review = await coordinator.PageAsync($"{link}/abschluss");
        await coordinator.SubmitAsync(review.Form("#teilen form"), new Dictionary<string, string[]> { ["Sharing"] = ["name"] });
        var exported = (await ExportedPeopleAsync(coordinator, token)).Single(p => (string?)p!["label"] == "Ben")!;
        Assert.Empty(exported["answers"]!.AsObject());
        var csv = await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=csv");
        Assert.DoesNotContain(csv.Split('\n'), line => line.Contains("Ben", StringComparison.Ordinal) && line.Contains(Secret, StringComparison.Ordinal));

        // They still count in the team's figures, and Ben is told why his link starts empty.
        var profile = (await coordinator.PageAsync($"/k/{token}/ergebnis?runde=1")).Body!.TextContent.ReplaceLineEndings(" ");
        Assert.Contains("Antworten von 1 Person ", profile + " ", StringComparison.Ordinal);
        Assert.Equal(PeopleTexts.HiddenNote(answered), (await Client().PageAsync($"{link}/abschluss")).QuerySelector(".reissued")!.TextContent);
    }

    [Fact]
    public async Task A_new_answer_through_the_reissued_link_replaces_the_hidden_one_and_a_blank_one_leaves_it_counting()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator);
        var ben = Client();
        var old = await JoinAsync(ben, await InviteAsync(coordinator, token), "Ben");
        await AnswerOneAsync(ben, old);
        var link = await ReissueAsync(coordinator, token, "Ben");

        // Ben goes through the section without answering: the hidden answer keeps counting.
        var blank = await ben.PageAsync($"{link}/partner");
        await ben.SubmitAsync(blank.Form("#antworten"), null, "go=bleiben");
        Assert.Contains("Antworten von 1 Person ", (await coordinator.PageAsync($"/k/{token}/ergebnis")).Body!.TextContent.ReplaceLineEndings(" ") + " ", StringComparison.Ordinal);
        Assert.NotNull((await ben.PageAsync($"{link}/abschluss")).QuerySelector(".reissued"));

        // He answers again: the new answer is his, shown on his link, and the note is gone.
        await AnswerOneAsync(ben, link);
        var review = await ben.PageAsync($"{link}/abschluss");
        Assert.Null(review.QuerySelector(".reissued"));
        Assert.Single(review.QuerySelectorAll(".answer-review > div:not(.unanswered)"));
    }

    [Fact]
    public async Task A_reissue_does_not_tell_which_pseudonym_was_whose()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator);
        var invite = await InviteAsync(coordinator, token);
        var ben = Client();
        await AnswerAllAsync(ben, await JoinAsync(ben, invite, "Ben", sharing: "pseudonym"));
        foreach (var name in new[] { "Cem", "Dana", "Eva", "Fritz" })
        {
            var member = Client();
            await AnswerOneAsync(member, await JoinAsync(member, invite, name, sharing: "pseudonym"));
        }

        // The letters follow a random order; a new link must not reorder them, or the letter that moved would be Ben's.
        var before = (await ExportedPeopleAsync(coordinator, token)).Where(p => (string?)p!["sharing"] == "pseudonym").Select(p => p!.ToJsonString()).ToList();
        Assert.Equal(5, before.Count);
        Assert.Single(before, p => p.Contains(Secret, StringComparison.Ordinal));

        var link = await ReissueAsync(coordinator, token, "Ben");

        await AssertShowsNothingAsync(coordinator, link);
        var after = (await ExportedPeopleAsync(coordinator, token)).Where(p => (string?)p!["sharing"] == "pseudonym").Select(p => p!.ToJsonString()).ToList();
        Assert.Equal(before, after); // "Person A" keeps the same answers: nothing to compare

        // Switched to sharing by name through the link, the name carries none of the earlier answers.
        await coordinator.SubmitAsync((await coordinator.PageAsync($"{link}/abschluss")).Form("#teilen form"), new Dictionary<string, string[]> { ["Sharing"] = ["name"] });
        var named = await ExportedPeopleAsync(coordinator, token);
        Assert.Empty(named.Single(p => (string?)p!["label"] == "Ben")!["answers"]!.AsObject());
        Assert.DoesNotContain(named, p => p!.ToJsonString().Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_coordinator_cannot_reissue_a_link_of_someone_elses_team()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator);
        await JoinAsync(Client(), await InviteAsync(coordinator, token), "Ben");
        var index = await coordinator.PageAsync($"/k/{token}");
        var href = index.QuerySelectorAll("table.respondents a").Single(a => a.TextContent.Trim() == $"{PeopleTexts.ReissueAction}: Ben").GetAttribute("href")!;

        var thief = Client();
        var own = await StartAsync(thief, "Initiative Fremd");
        Assert.Equal(HttpStatusCode.NotFound, (await thief.GetAsync(href.Replace(token, own, StringComparison.Ordinal))).StatusCode);
    }
}
