using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Tests.Stores;

namespace SelfEval.Web.Tests;

/// <summary>The coordinator's side of a round and the team's links, through the real forms (issue 16).</summary>
public sealed class CoordinatorTests : IDisposable
{
    private readonly FakeClock _clock = new() { Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) };
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(("SelfEval:MinimumDaysBetweenRounds", "0"));
    private readonly WebApplicationFactory<Program> _app;

    public CoordinatorTests()
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

    /// <summary>Starts an assessment with its profile only; returns the coordinator token.</summary>
    /// <remarks>The profile answers serve the fixture profile and the production one; only those the form asks are posted.</remarks>
    internal static async Task<string> StartAsync(HttpClient client, string name = "Initiative Nordwind", string guide = TestGuides.Aufbau)
    {
        var page = await client.PageAsync($"/start/{guide}");
        var form = page.Form("form.answer-form");
        var created = await client.SubmitAsync(form, form.AskedIn(new Dictionary<string, string[]>(ProductionGuides.Profile())
        {
            ["q.name"] = [name], ["q.phase"] = ["gruendung"], ["CoordinatorName"] = ["Anna"], ["OptIn"] = ["true"],
        }));
        return created.Location()[3..46];
    }

    internal static async Task<string> InviteAsync(HttpClient coordinator, string token) =>
        new Uri(((IHtmlInputElement)(await coordinator.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;

    /// <summary>Joins through the invitation with a name; returns the personal path (/a/…).</summary>
    internal static async Task<string> JoinAsync(HttpClient member, string invite, string label, string sharing = "none")
    {
        var join = await member.PageAsync(invite);
        var joined = await member.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = [label], ["Sharing"] = [sharing] });
        return joined.Location()[..46];
    }

    /// <summary>Saves one answer (the first option of the first question) in the section on partners.</summary>
    internal static async Task AnswerOneAsync(HttpClient member, string personal, string section = TestGuides.PartnerSection)
    {
        var page = await member.PageAsync($"{personal}/{section}");
        var field = page.QuerySelectorAll("[data-question]").First(f => !f.HasAttribute("hidden") && f.QuerySelector("input[type=radio]") is not null);
        var value = field.QuerySelector("input[type=radio]")!.GetAttribute("value")!;
        await member.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q." + field.GetAttribute("data-question")] = [value] }, "go=bleiben");
    }

    /// <summary>Anna coordinates, Ben answered one question, the others only opened the invitation.</summary>
    private async Task<(HttpClient Coordinator, string Token)> TeamWhereOnlyBenAnsweredAsync(params string[] openedOnly)
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var invite = await InviteAsync(coordinator, token);
        var ben = Client();
        await AnswerOneAsync(ben, await JoinAsync(ben, invite, "Ben"), TestGuides.PartnerSection);
        foreach (var name in openedOnly)
        {
            await JoinAsync(Client(), invite, name);
        }

        return (coordinator, token);
    }

    internal static string Row(IHtmlDocument page, string label) =>
        page.QuerySelectorAll("table.respondents tbody tr").Single(r => r.QuerySelector("td")!.TextContent.StartsWith(label, StringComparison.Ordinal)).TextContent;

    [Fact]
    public async Task People_who_opened_the_link_but_never_answered_count_as_not_started()
    {
        var (coordinator, token) = await TeamWhereOnlyBenAnsweredAsync("Cem", "Dana");

        var page = await coordinator.PageAsync($"/k/{token}");

        Assert.Contains("in Bearbeitung", Row(page, "Anna"), StringComparison.Ordinal); // the profile is answered
        Assert.Contains("1 von ", Row(page, "Ben"), StringComparison.Ordinal);
        Assert.Contains("in Bearbeitung", Row(page, "Ben"), StringComparison.Ordinal);
        foreach (var label in new[] { "Cem", "Dana" })
        {
            Assert.Contains("0 von ", Row(page, label), StringComparison.Ordinal);
            Assert.Contains("noch nicht begonnen", Row(page, label), StringComparison.Ordinal);
        }

        var summary = page.QuerySelector("#team + p")!.TextContent;
        Assert.Contains("2 Personen haben begonnen, 0 haben abgeschlossen.", summary, StringComparison.Ordinal);
        Assert.Contains("2 Personen haben den Einladungslink geöffnet, aber noch nichts beantwortet.", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-06-30T22:30:00Z", "1. Juli 2026")] // summer time: 00:30 in Berlin, a fixed UTC+1 said 30 June
    [InlineData("2026-07-01T10:00:00Z", "1. Juli 2026")]
    [InlineData("2026-01-15T22:30:00Z", "15. Januar 2026")]
    [InlineData("2026-01-15T23:30:00Z", "16. Januar 2026")]
    public async Task Dates_are_shown_as_the_calendar_day_in_Berlin(string utc, string shown)
    {
        _clock.Now = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        await coordinator.CloseRoundAsync(token);

        var text = (await coordinator.PageAsync($"/k/{token}")).QuerySelector("#runde-titel + p")!.TextContent;

        Assert.Contains($"Begonnen am {shown}, abgeschlossen am {shown}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_asks_first_names_who_has_not_finished_and_a_double_submit_closes_once()
    {
        var (coordinator, token) = await TeamWhereOnlyBenAnsweredAsync("Cem");

        // The button on the coordinator page only leads to the question; nothing is closed yet.
        var index = await coordinator.PageAsync($"/k/{token}");
        Assert.Null(index.QuerySelector("form[action*=Close]"));
        Assert.Equal($"/k/{token}/abschliessen", index.QuerySelector("a#abschliessen")!.GetAttribute("href"));

        var confirm = await coordinator.PageAsync($"/k/{token}/abschliessen");
        var open = confirm.QuerySelectorAll("#unfertig li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Ben", "Cem"], open); // not Anna: the coordinator answered the profile only
        Assert.NotNull(confirm.QuerySelector("input[name=Unfinished][value=einbeziehen]"));
        Assert.NotNull(confirm.QuerySelector("input[name=Unfinished][value=weglassen]"));
        Assert.DoesNotContain("abgeschlossen)", (await coordinator.PageAsync($"/k/{token}")).QuerySelector("#runde-titel")!.TextContent, StringComparison.Ordinal);

        var form = confirm.Form("form[action*=Close]");
        Assert.Equal($"/k/{token}?notice=Closed", (await coordinator.SubmitAsync(form)).Location());
        var closedAt = ClosedAt();
        _clock.Now = _clock.Now.AddHours(1);
        Assert.Equal($"/k/{token}?notice=Closed", (await coordinator.SubmitAsync(form)).Location()); // the second click of a double click

        Assert.Equal(closedAt, ClosedAt());
        Assert.Contains("(abgeschlossen)", (await coordinator.PageAsync($"/k/{token}")).QuerySelector("#runde-titel")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await coordinator.PageAsync($"/k/{token}/abschliessen")).QuerySelector("form[action*=Close]"));
    }

    [Theory]
    [InlineData("weglassen", "Antworten von 1 Person ")]
    [InlineData("einbeziehen", "Antworten von 2 Personen, davon 1 unvollständig")]
    public async Task Unfinished_answers_left_out_at_closing_are_not_counted_in_the_profile(string choice, string counted)
    {
        var coordinator = Client();
        var token = await SelfEval.Web.Tests.Attacks.Initiatives.CreateAsync(coordinator, "Initiative Sorgfalt", level: 0.5, close: false, guide: TestGuides.Aufbau);
        var review = await coordinator.PageAsync($"/a/{token}/abschluss");
        await coordinator.SubmitAsync(review.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => !(f.GetAttribute("action") ?? "").Contains("Sharing", StringComparison.Ordinal)));
        var ben = Client();
        await AnswerOneAsync(ben, await JoinAsync(ben, await InviteAsync(coordinator, token), "Ben"), TestGuides.PartnerSection);

        var confirm = await coordinator.PageAsync($"/k/{token}/abschliessen");
        Assert.Equal(["Ben"], confirm.QuerySelectorAll("#unfertig li").Select(li => li.TextContent.Trim()));
        await coordinator.SubmitAsync(confirm.Form("form[action*=Close]"), new Dictionary<string, string[]> { ["Unfinished"] = [choice] });

        var profile = (await coordinator.PageAsync($"/k/{token}/ergebnis")).Body!.TextContent.ReplaceLineEndings(" ");
        Assert.Contains(counted, profile + " ", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_round_reopens_after_a_confirmation_until_the_next_one_starts()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        Assert.Null((await coordinator.PageAsync($"/k/{token}")).QuerySelector("a#wieder-oeffnen")); // open: nothing to reopen
        await coordinator.CloseRoundAsync(token, new Dictionary<string, string[]> { ["Unfinished"] = ["weglassen"] });

        var closed = await coordinator.PageAsync($"/k/{token}");
        Assert.Equal($"/k/{token}/wieder-oeffnen", closed.QuerySelector("a#wieder-oeffnen")!.GetAttribute("href"));
        var confirm = await coordinator.PageAsync($"/k/{token}/wieder-oeffnen");
        Assert.Equal($"/k/{token}?notice=Reopened", (await coordinator.SubmitAsync(confirm.Form("form[action*=Reopen]"))).Location());

        var reopened = await coordinator.PageAsync($"/k/{token}");
        Assert.DoesNotContain("(abgeschlossen)", reopened.QuerySelector("#runde-titel")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await coordinator.PageAsync($"/k/{token}/abschliessen")).QuerySelector("form[action*=Close]"));
        using (var connection = _factory.Database.Open())
        {
            Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM rounds WHERE closed_at IS NOT NULL OR excludes_unfinished <> 0"));
            Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM round_results"));
        }

        // Once the next round has begun, the earlier one stays closed: the page offers reopening only for the current round.
        await coordinator.CloseRoundAsync(token);
        await coordinator.SubmitAsync((await coordinator.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));
        await coordinator.SubmitAsync(confirm.Form("form[action*=Reopen]")); // the old confirmation, posted again
        using (var connection = _factory.Database.Open())
        {
            Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM rounds WHERE number = 1 AND closed_at IS NOT NULL"));
        }
    }

    private string ClosedAt()
    {
        using var connection = _factory.Database.Open();
        return connection.ExecuteScalar<string>("SELECT closed_at FROM rounds")!;
    }

    private long People()
    {
        using var connection = _factory.Database.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM respondents");
    }

    [Fact]
    public async Task Opening_the_invitation_again_in_the_same_browser_gives_back_the_own_link()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var invite = await InviteAsync(coordinator, token);
        var ben = Client();
        var personal = await JoinAsync(ben, invite, "Ben");

        var again = await ben.PageAsync(invite); // a day later, the personal link lost
        Assert.Equal(personal, again.QuerySelector("a.returning")!.GetAttribute("href"));
        Assert.Contains("Ben", again.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var rejoined = await ben.SubmitAsync(again.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = ["Ben"] });
        Assert.Equal(personal, rejoined.Location()[..46]);
        Assert.Equal(2, People());

        // The same browser, deliberately another person (a shared computer in the office).
        var other = await ben.SubmitAsync((await ben.PageAsync(invite)).Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = ["Cem"], ["AnotherPerson"] = ["true"] });
        Assert.NotEqual(personal, other.Location()[..46]);
        Assert.Equal(3, People());

        // Someone who types another name did not lose Ben's link: they join as themselves, tick or no tick.
        var eva = await ben.SubmitAsync((await ben.PageAsync(invite)).Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = ["Eva"] });
        Assert.NotEqual(personal, eva.Location()[..46]);
        Assert.Equal(4, People());

        // Another browser knows nobody: a new person, as before.
        var dana = Client();
        var fresh = await dana.PageAsync(invite);
        Assert.Null(fresh.QuerySelector("a.returning"));
        Assert.NotEqual(personal, await JoinAsync(dana, invite, "Ben"));
        Assert.Equal(5, People());
    }

    [Fact]
    public async Task A_remembered_person_of_a_closed_round_is_not_given_back_in_the_next()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var invite = await InviteAsync(coordinator, token);
        var ben = Client();
        var personal = await JoinAsync(ben, invite, "Ben");
        await coordinator.CloseRoundAsync(token);
        await coordinator.SubmitAsync((await coordinator.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));

        var page = await ben.PageAsync(invite);

        Assert.Null(page.QuerySelector("a.returning"));
        Assert.NotEqual(personal, await JoinAsync(ben, invite, "Ben"));
    }

    [Fact]
    public async Task An_old_personal_link_says_that_a_newer_round_runs_and_joins_it_with_the_same_name()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var ben = Client();
        var old = await JoinAsync(ben, await InviteAsync(coordinator, token), "Ben");
        await AnswerOneAsync(ben, old, TestGuides.PartnerSection);
        await coordinator.CloseRoundAsync(token);
        await coordinator.SubmitAsync((await coordinator.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));
        await JoinAsync(Client(), await InviteAsync(coordinator, token), "Cem");

        var section = await ben.PageAsync($"{old}/{TestGuides.PartnerSection}");
        Assert.Contains("Durchgang 2", section.QuerySelector(".newer-round")!.TextContent, StringComparison.Ordinal);
        var review = await ben.PageAsync($"{old}/abschluss");
        var notice = review.QuerySelector(".newer-round")!;
        Assert.Contains("Durchgang 2", notice.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Cem", review.Body!.TextContent, StringComparison.Ordinal);

        var joined = await ben.SubmitAsync((IHtmlFormElement)notice.QuerySelector("form")!);
        var personal = joined.Location();
        Assert.Matches("^/a/[A-Za-z0-9_-]{43}\\?notice=NewLink$", personal);
        Assert.NotEqual(old, personal[..46]);
        Assert.Equal(personal, (await ben.SubmitAsync((IHtmlFormElement)notice.QuerySelector("form")!)).Location()); // a double click
        var team = await coordinator.PageAsync($"/k/{token}");
        Assert.Contains("noch nicht begonnen", Row(team, "Ben"), StringComparison.Ordinal);
        Assert.Equal(3, team.QuerySelectorAll("table.respondents tbody tr").Length);
    }

    [Fact]
    public async Task A_link_of_the_current_closed_round_offers_no_other_round()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var ben = Client();
        var old = await JoinAsync(ben, await InviteAsync(coordinator, token), "Ben");
        await coordinator.CloseRoundAsync(token);

        Assert.Null((await ben.PageAsync($"{old}/abschluss")).QuerySelector(".newer-round"));
    }

    [Fact]
    public async Task On_a_phone_the_team_table_stacks_each_person_with_the_column_names()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        await JoinAsync(Client(), await InviteAsync(coordinator, token), "Ben mit einem recht langen Namen aus der Kammer");

        var table = (await coordinator.PageAsync($"/k/{token}")).QuerySelector("table.respondents")!;

        // Stacked, a cell loses its column header: it carries the header's name for the CSS to show.
        var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        foreach (var row in table.QuerySelectorAll("tbody tr"))
        {
            var cells = row.QuerySelectorAll("td").ToList();
            Assert.Equal(headers.Count, cells.Count);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(headers[i], cells[i].GetAttribute("data-label"));
            }
        }

        var css = File.ReadAllText(Path.Combine(TestPaths.Repository, "src", "SelfEval.Web", "wwwroot", "css", "site.css"));
        var block = css[css.IndexOf("/* coordinator (issue 16) */", StringComparison.Ordinal)..];
        var phone = System.Text.RegularExpressions.Regex.Match(block, @"@media \(max-width: 40rem\) \{(.*?)\n\}", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches(@"table\.respondents tr[^{]*\{[^}]*display: block", phone);
        Assert.Matches(@"table\.respondents thead[^{]*\{[^}]*clip", phone); // the header row is hidden but still read out
        Assert.Matches(@"table\.respondents td\[data-label\]::before[^{]*\{[^}]*content: attr\(data-label\)", phone);
    }

    [Fact]
    public async Task The_coordinator_corrects_the_profile_after_finishing_from_the_coordinator_page()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, "Initiative Nordwnid", TestGuides.Aufbau);
        using (var connection = _factory.Database.Open())
        {
            connection.Execute("UPDATE respondents SET finished_at = '2026-03-02T09:00:00.0000000+00:00' WHERE is_coordinator = 1");
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        var link = (await coordinator.PageAsync($"/k/{token}")).QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Profil bearbeiten");
        var page = await coordinator.PageAsync(link.GetAttribute("href")!);
        Assert.Equal("Initiative Nordwnid", ((IHtmlInputElement)page.QuerySelector("input[name='q.name']")!).Value);

        // A required answer left empty: refused in German next to its field, nothing stored.
        var refused = await (await coordinator.SubmitAsync(page.Form("form.answer-form"), new Dictionary<string, string[]> { ["q.name"] = [""] })).ParseAsync();
        Assert.Contains("Bitte beantworten Sie diese Frage.", refused.QuerySelector("[data-question=name] .error-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Initiative Nordwnid", (await coordinator.PageAsync($"/k/{token}")).QuerySelector("h1")!.TextContent);

        var saved = await coordinator.SubmitAsync(refused.Form("form.answer-form"), new Dictionary<string, string[]> { ["q.name"] = ["Initiative Nordwind"] });
        Assert.Equal($"/k/{token}?notice=ProfileSaved", saved.Location());
        Assert.Equal("Initiative Nordwind", (await coordinator.PageAsync($"/k/{token}")).QuerySelector("h1")!.TextContent);
        Assert.Contains("Initiative Nordwind", (await coordinator.PageAsync($"/k/{token}/ergebnis?runde=1")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using (var connection = _factory.Database.Open())
        {
            Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM respondents WHERE finished_at IS NOT NULL")); // still finished
        }

        // Without the antiforgery token the form is refused.
        var forged = await coordinator.PostAsync(link.GetAttribute("href"), new FormUrlEncodedContent([new("q.name", "Fremd")]));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
