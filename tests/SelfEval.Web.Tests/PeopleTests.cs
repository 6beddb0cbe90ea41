using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Assessments;
using SelfEval.Web.Tests.Stores;
using static SelfEval.Web.Tests.CoordinatorTests;

namespace SelfEval.Web.Tests;

/// <summary>The coordinator removes, merges and gives new links to the people of a round, each after a page that asks first (issue 16).</summary>
public sealed class PeopleTests : IDisposable
{
    private readonly FakeClock _clock = new() { Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) };
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(("SelfEval:RoundActionsPerMinute", "1000"));
    private readonly WebApplicationFactory<Program> _app;

    public PeopleTests()
    {
        _app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Client() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private long IdOf(string label)
    {
        using var connection = _factory.Database.Open();
        return connection.ExecuteScalar<long>("SELECT id FROM respondents WHERE label = @label ORDER BY id LIMIT 1", new { label });
    }

    private long CoordinatorId()
    {
        using var connection = _factory.Database.Open();
        return connection.ExecuteScalar<long>("SELECT id FROM respondents WHERE is_coordinator = 1");
    }

    /// <summary>A link nobody was ever given: what every dead link must look like.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> UnknownAsync(HttpClient client) =>
        await ShowAsync(client, $"/a/{SelfEval.Web.Data.Tokens.New()}");

    private static async Task<(HttpStatusCode Status, string Body)> ShowAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> ProfileTextAsync(HttpClient coordinator, string token) =>
        (await coordinator.PageAsync($"/k/{token}/ergebnis?runde=1")).Body!.TextContent.ReplaceLineEndings(" ");

    private async Task<(HttpClient Coordinator, string Token, string Invite)> TeamAsync()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        return (coordinator, token, await InviteAsync(coordinator, token));
    }

    [Fact]
    public async Task A_person_removed_with_the_answers_leaves_the_list_the_figures_and_their_link_dies()
    {
        var (coordinator, token, invite) = await TeamAsync();
        var ben = Client();
        var link = await JoinAsync(ben, invite, "Ben");
        await AnswerOneAsync(ben, link, TestGuides.PartnerSection);
        var cem = Client();
        await AnswerOneAsync(cem, await JoinAsync(cem, invite, "Cem"), TestGuides.PartnerSection);
        Assert.Contains("Antworten von 2 Personen", await ProfileTextAsync(coordinator, token), StringComparison.Ordinal); // built and cached

        var index = await coordinator.PageAsync($"/k/{token}");
        var remove = index.QuerySelectorAll("table.respondents a").Single(a => a.TextContent.Trim() == $"{PeopleTexts.RemoveAction}: Ben");
        Assert.Equal($"/k/{token}/personen/{IdOf("Ben")}/entfernen", remove.GetAttribute("href"));
        Assert.DoesNotContain(PeopleTexts.RemoveAction, Row(index, "Anna"), StringComparison.Ordinal); // the coordinator's own entry

        // Nothing happens on the way: the page asks, and without a choice it asks again.
        var confirm = await coordinator.PageAsync(remove.GetAttribute("href")!);
        var refused = await (await coordinator.SubmitAsync(confirm.Form("form[action*=Remove]"))).ParseAsync();
        Assert.Equal(PeopleTexts.RemoveChoiceMissing, refused.QuerySelector(".error-text")!.TextContent.Replace("Fehler: ", "", StringComparison.Ordinal).Trim());
        Assert.Equal(HttpStatusCode.OK, (await ben.GetAsync($"{link}/abschluss")).StatusCode);

        var removed = await coordinator.SubmitAsync(confirm.Form("form[action*=Remove]"), new Dictionary<string, string[]> { ["answers"] = ["loeschen"] });
        Assert.Equal($"/k/{token}?notice=Removed", removed.Location());

        var dead = await ShowAsync(ben, $"{link}/abschluss");
        var unknown = await UnknownAsync(ben);
        Assert.Equal(unknown.Status, dead.Status);
        Assert.Equal(unknown.Body, dead.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.GetAsync($"{link}/ergebnis")).StatusCode);
        var after = await coordinator.PageAsync(removed.Location());
        Assert.DoesNotContain(after.QuerySelectorAll("table.respondents tbody tr"), r => r.TextContent.Contains("Ben", StringComparison.Ordinal));
        Assert.Equal(PeopleTexts.Removed, after.QuerySelector(".notice p")!.TextContent);
        Assert.Contains("Antworten von 1 Person ", await ProfileTextAsync(coordinator, token) + " ", StringComparison.Ordinal); // the cache noticed

        // The old confirmation sent again (a double click) finds nobody and changes nothing.
        Assert.Equal($"/k/{token}", (await coordinator.SubmitAsync(confirm.Form("form[action*=Remove]"), new Dictionary<string, string[]> { ["answers"] = ["loeschen"] })).Location());
        using var connection = _factory.Database.Open();
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM answers a LEFT JOIN respondents r ON r.id = a.respondent_id WHERE r.id IS NULL OR r.label = 'Ben'"));
    }

    [Fact]
    public async Task A_person_removed_with_the_answers_kept_still_counts_but_their_link_dies()
    {
        var (coordinator, token, invite) = await TeamAsync();
        var ben = Client();
        var link = await JoinAsync(ben, invite, "Ben");
        await AnswerOneAsync(ben, link, TestGuides.PartnerSection);
        var confirm = await coordinator.PageAsync($"/k/{token}/personen/{IdOf("Ben")}/entfernen");

        await coordinator.SubmitAsync(confirm.Form("form[action*=Remove]"), new Dictionary<string, string[]> { ["answers"] = ["behalten"] });

        Assert.Equal(await UnknownAsync(ben), await ShowAsync(ben, link));
        var index = await coordinator.PageAsync($"/k/{token}");
        Assert.Single(index.QuerySelectorAll("table.respondents tbody tr")); // only Anna is listed
        Assert.Contains(PeopleTexts.KeptCount(1), index.QuerySelector("#team + p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Antworten von 1 Person ", await ProfileTextAsync(coordinator, token) + " ", StringComparison.Ordinal);

        // Kept means kept: leaving out unfinished answers at closing does not drop them.
        await coordinator.CloseRoundAsync(token, new Dictionary<string, string[]> { ["Unfinished"] = ["weglassen"] });
        Assert.Contains("Antworten von 1 Person", await ProfileTextAsync(coordinator, token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinators_own_entry_cannot_be_removed_merged_or_reissued_and_other_initiatives_people_are_not_found()
    {
        var (coordinator, token, invite) = await TeamAsync();
        await JoinAsync(Client(), invite, "Ben");
        var coordinatorId = CoordinatorId();
        foreach (var action in new[] { "entfernen", "zusammenfuehren", "neuer-link" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/k/{token}/personen/{coordinatorId}/{action}")).StatusCode);
        }

        // Another initiative's coordinator cannot reach Ben by his id.
        var other = Client();
        var otherToken = await StartAsync(other, "Initiative Südwind", TestGuides.Aufbau);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/k/{otherToken}/personen/{IdOf("Ben")}/entfernen")).StatusCode);
        var confirm = await coordinator.PageAsync($"/k/{token}/personen/{IdOf("Ben")}/entfernen");
        var forged = await other.SubmitAsync(confirm.Form("form[action*=Remove]"), new Dictionary<string, string[]> { ["answers"] = ["loeschen"] }, action: $"/k/{otherToken}/personen/{IdOf("Ben")}/entfernen?handler=Remove");
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.NotEqual(0, IdOf("Ben"));
    }

    [Fact]
    public async Task Two_entries_of_the_same_person_merge_with_the_later_answer_the_more_private_choice_and_one_link()
    {
        var (coordinator, token, invite) = await TeamAsync();
        var first = Client();
        var firstLink = await JoinAsync(first, invite, "Ben", sharing: "name");
        await AnswerOneAsync(first, firstLink, TestGuides.PartnerSection);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var second = Client();
        var secondLink = await JoinAsync(second, invite, "Ben", sharing: "pseudonym");
        var page = await second.PageAsync($"{secondLink}/{TestGuides.PartnerSection}");
        var fields = page.QuerySelectorAll("[data-question]").Where(f => !f.HasAttribute("hidden") && f.QuerySelector("input[type=radio]") is not null).Take(2).ToList();
        var later = fields[0].QuerySelectorAll("input[type=radio]").Select(i => i.GetAttribute("value")!).Where(v => !v.StartsWith("__", StringComparison.Ordinal)).Last();
        var other = fields[1].QuerySelector("input[type=radio]")!.GetAttribute("value")!;
        await second.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]>
        {
            ["q." + fields[0].GetAttribute("data-question")] = [later], ["q." + fields[1].GetAttribute("data-question")] = [other],
        }, "go=bleiben");
        long firstId, secondId;
        using (var connection = _factory.Database.Open())
        {
            var ids = connection.Query<long>("SELECT id FROM respondents WHERE label = 'Ben' ORDER BY id").ToList();
            (firstId, secondId) = (ids[0], ids[1]);
            connection.Execute("UPDATE respondents SET finished_at = '2026-03-02T09:05:00.0000000+00:00' WHERE id = @firstId", new { firstId });
        }

        var index = await coordinator.PageAsync($"/k/{token}");
        var merge = index.QuerySelectorAll("table.respondents a").First(a => a.TextContent.Trim() == $"{PeopleTexts.MergeAction}: Ben");
        var confirm = await coordinator.PageAsync(merge.GetAttribute("href")!);
        Assert.Contains(PeopleTexts.MergeRule, confirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.SubmitAsync(confirm.Form("form[action*=Merge]"))).StatusCode); // no second entry chosen: asked again

        var merged = await coordinator.SubmitAsync(confirm.Form("form[action*=Merge]"), new Dictionary<string, string[]> { ["other"] = [secondId.ToString(System.Globalization.CultureInfo.InvariantCulture)], ["keep"] = ["diesen"] });
        Assert.Equal($"/k/{token}?notice=Merged", merged.Location());

        Assert.Equal(await UnknownAsync(second), await ShowAsync(second, secondLink));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"{firstLink}/abschluss")).StatusCode);
        using (var connection = _factory.Database.Open())
        {
            var answers = connection.Query<(string QuestionId, string ValueJson)>("SELECT question_id, value_json FROM answers WHERE respondent_id = @firstId", new { firstId }).ToDictionary(a => a.QuestionId, a => a.ValueJson);
            Assert.Equal(2, answers.Count);
            Assert.Contains(later, answers[fields[0].GetAttribute("data-question")!], StringComparison.Ordinal); // saved later, so it wins
            Assert.Contains(other, answers[fields[1].GetAttribute("data-question")!], StringComparison.Ordinal);
            var kept = connection.QuerySingle<(string Sharing, string? FinishedAt, long People)>(
                "SELECT sharing, finished_at, (SELECT COUNT(*) FROM respondents WHERE label = 'Ben') FROM respondents WHERE id = @firstId", new { firstId });
            Assert.Equal(("pseudonym", "2026-03-02T09:05:00.0000000+00:00", 1L), kept);
        }

        Assert.Single((await coordinator.PageAsync($"/k/{token}")).QuerySelectorAll("table.respondents tbody tr"), r => r.TextContent.Contains("Ben", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merging_into_the_other_entry_keeps_it_unfinished_when_it_was()
    {
        var (coordinator, token, invite) = await TeamAsync();
        await JoinAsync(Client(), invite, "Ben", sharing: "name");
        var second = Client();
        var secondLink = await JoinAsync(second, invite, "Ben B.", sharing: "name");
        var (firstId, secondId) = (IdOf("Ben"), IdOf("Ben B."));
        using (var connection = _factory.Database.Open())
        {
            connection.Execute("UPDATE respondents SET finished_at = '2026-03-02T09:05:00.0000000+00:00' WHERE id = @firstId", new { firstId });
        }

        var confirm = await coordinator.PageAsync($"/k/{token}/personen/{firstId}/zusammenfuehren");
        await coordinator.SubmitAsync(confirm.Form("form[action*=Merge]"), new Dictionary<string, string[]> { ["other"] = [secondId.ToString(System.Globalization.CultureInfo.InvariantCulture)], ["keep"] = ["anderen"] });

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"{secondLink}/abschluss")).StatusCode);
        using var db = _factory.Database.Open();
        Assert.Equal((1L, (string?)null, "name"), db.QuerySingle<(long, string?, string)>("SELECT COUNT(*) OVER (), finished_at, sharing FROM respondents WHERE is_coordinator = 0"));
    }

    [Fact]
    public async Task A_reissued_link_works_at_once_the_old_one_not_and_a_double_click_gives_the_same_link()
    {
        var (coordinator, token, invite) = await TeamAsync();
        var ben = Client();
        var old = await JoinAsync(ben, invite, "Ben", sharing: "name");
        await AnswerOneAsync(ben, old, TestGuides.PartnerSection);

        var index = await coordinator.PageAsync($"/k/{token}");
        var reissue = index.QuerySelectorAll("table.respondents a").Single(a => a.TextContent.Trim() == $"{PeopleTexts.ReissueAction}: Ben");
        var confirm = await coordinator.PageAsync(reissue.GetAttribute("href")!);
        Assert.Contains(PeopleTexts.ReissueShared, confirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(confirm.QuerySelector("#neuer-link"));
        Assert.Equal(HttpStatusCode.Redirect, (await ben.GetAsync(old)).StatusCode); // nothing changed yet

        var shown = await (await coordinator.SubmitAsync(confirm.Form("form[action*=Reissue]"))).ParseAsync();
        var link = new Uri(((IHtmlInputElement)shown.QuerySelector("#neuer-link")!).Value).AbsolutePath;
        var again = await (await coordinator.SubmitAsync(confirm.Form("form[action*=Reissue]"))).ParseAsync();
        Assert.Equal(link, new Uri(((IHtmlInputElement)again.QuerySelector("#neuer-link")!).Value).AbsolutePath);

        Assert.Equal(await UnknownAsync(ben), await ShowAsync(ben, old));
        var review = await Client().PageAsync($"{link}/abschluss");
        Assert.Equal("1 Frage beantwortet", Answered(review)); // shares by name: the answers come back with the link
        Assert.Null(review.QuerySelector(".reissued"));

        // Without the form's own token the post is refused.
        var forged = await coordinator.PostAsync(reissue.GetAttribute("href") + "?handler=Reissue", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    /// <summary>How many answers the review page lists as given.</summary>
    internal static string Answered(IHtmlDocument review)
    {
        var n = review.QuerySelectorAll(".answer-review > div:not(.unanswered)").Length;
        return n == 1 ? "1 Frage beantwortet" : $"{n} Fragen beantwortet";
    }
}
