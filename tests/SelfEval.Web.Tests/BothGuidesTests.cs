using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Scoring.Loading;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;

namespace SelfEval.Web.Tests;

/// <summary>
/// One initiative, both guides (issue 16, item 8): the coordinator starts the other guide from the coordinator page, the
/// profile comes over, the first link leads to both, and the team joins with one click from their own links.
/// </summary>
public sealed class BothGuidesTests : IDisposable
{
    internal const string First = TestGuides.Aufbau;
    internal const string Second = TestGuides.Wirkung;

    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private AssessmentStore Store => _factory.Services.GetRequiredService<AssessmentStore>();

    /// <summary>Starts the first guide ("Testaufbau") with its profile only; returns the coordinator token.</summary>
    internal static async Task<string> StartAsync(HttpClient client, string name = "Initiative Nordwind", bool optIn = true)
    {
        var page = await client.PageAsync($"/start/{First}");
        var created = await client.SubmitAsync(page.Form("form.answer-form"), new Dictionary<string, string[]>(TestGuides.Profile(name, "aufbau"))
        {
            ["CoordinatorName"] = ["Anna"], ["OptIn"] = [optIn ? "true" : "false"],
        });
        return created.Location()[3..46];
    }

    /// <summary>Starts the other guide from the coordinator page through its link and form; returns the new coordinator token.</summary>
    internal static async Task<string> StartOtherAsync(HttpClient client, string token, IReadOnlyDictionary<string, string[]>? set = null)
    {
        var coordinator = await client.PageAsync($"/k/{token}");
        var start = coordinator.QuerySelector($"#leitfaeden a[href$='/leitfaden/{Second}']") ?? throw new InvalidOperationException("no start link");
        var page = await client.PageAsync(start.GetAttribute("href")!);
        var created = await client.SubmitAsync(page.Form("form.answer-form"), set);
        var location = created.Location();
        Assert.EndsWith("?notice=OtherGuideStarted", location, StringComparison.Ordinal);
        return location[3..46];
    }

    internal static async Task<string> InviteAsync(HttpClient coordinator, string token) =>
        new Uri(((IHtmlInputElement)(await coordinator.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;

    /// <summary>Joins through the invitation; returns the personal token.</summary>
    internal static async Task<string> JoinAsync(HttpClient member, string invite, string label, string sharing = "none")
    {
        var join = await member.PageAsync(invite);
        var joined = await member.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = [label], ["Sharing"] = [sharing] });
        return joined.Location()[3..46];
    }

    private static IEnumerable<string> Rows(IDocument page) =>
        page.QuerySelectorAll("table.respondents tbody tr td:first-child").Select(c => c.TextContent.Trim());

    [Fact]
    public async Task The_coordinator_starts_the_other_guide_with_the_profile_carried_and_the_first_link_leads_to_both()
    {
        var client = Client();
        var token = await StartAsync(client);

        var offer = await client.PageAsync($"/k/{token}");
        Assert.Contains("„Testwirkung“ beginnen", offer.QuerySelector("#leitfaeden")!.TextContent, StringComparison.Ordinal);

        var form = await client.PageAsync($"/k/{token}/leitfaden/{Second}");
        Assert.Equal("Initiative Nordwind", ((IHtmlInputElement)form.QuerySelector("input[name='q.name']")!).Value);
        Assert.True(((IHtmlInputElement)form.QuerySelector("input[name='q.phase'][value=aufbau]")!).IsChecked);
        Assert.Equal("Anna", ((IHtmlInputElement)form.QuerySelector("#CoordinatorName")!).Value);
        Assert.True(((IHtmlInputElement)form.QuerySelector("#OptIn")!).IsChecked);
        Assert.Contains("Für „Testaufbau“ haben Sie dem anonymen Vergleich zugestimmt.", form.QuerySelector("#vergleich-bisher")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("#nicht-uebernommen")); // both guides ask the same profile

        var other = await StartOtherAsync(client, token);

        Assert.NotEqual(token, other);
        var second = await client.PageAsync($"/k/{other}?hinweis=anderer-leitfaden");
        Assert.Contains("Testwirkung", second.QuerySelector(".kicker")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Initiative Nordwind", second.QuerySelector("h1")!.TextContent);
        Assert.NotNull(second.QuerySelector("#anderer-leitfaden-angelegt"));
        Assert.EndsWith($"/k/{token}", ((IHtmlInputElement)second.QuerySelector("#erster-koordinationslink")!).Value, StringComparison.Ordinal);
        Assert.Equal(["Anna (Sie)"], Rows(second));
        Assert.NotEqual(await InviteAsync(client, token), await InviteAsync(client, other));

        // The first link leads to both: no second link to keep.
        var first = await client.PageAsync($"/k/{token}");
        Assert.Equal($"/k/{other}", first.QuerySelector($"#leitfaeden a[href='/k/{other}']")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector("#erster-koordinationslink"));

        // The coordinator answers the second guide through its link, the carried profile in place.
        var answering = (await client.GetAsync($"/a/{other}")).Location();
        Assert.StartsWith($"/a/{other}/", answering, StringComparison.Ordinal);
        Assert.Equal("Initiative Nordwind", ((IHtmlInputElement)(await client.PageAsync($"/a/{other}/{TestGuides.ProfileSection}")).QuerySelector("input[name='q.name']")!).Value);

        // The profile is the second guide's own: correcting it there leaves the first as it was.
        var assessment = Store.FindByCoordinatorToken(other)!;
        var profile = AssessmentAccess.Read(_factory.Services.GetRequiredService<SelfEval.Web.Questionnaires.QuestionnaireCatalog>().Find(Second)!, Store.GetProfile(Store.CurrentRound(assessment.Id).Id));
        Assert.Equal("Initiative Nordwind", SelfEval.Scoring.Model.ProfileFacts.InitiativeName(profile));
        Assert.True(assessment.ComparisonOptIn);
    }

    [Fact]
    public async Task Starting_twice_leads_to_the_one_started_and_the_other_guide_cannot_start_the_first_again()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/k/{token}/leitfaden/{Second}");
        var other = await StartOtherAsync(client, token);

        // The same form sent again (a second tab, a double click) ends on the guide already started.
        var again = await client.SubmitAsync(page.Form("form.answer-form"));
        Assert.Equal($"/k/{other}", again.Location());
        Assert.Equal($"/k/{other}", (await client.GetAsync($"/k/{token}/leitfaden/{Second}")).Location());
        Assert.Equal($"/k/{token}", (await client.GetAsync($"/k/{other}/leitfaden/{First}")).Location());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/k/{token}/leitfaden/{First}")).StatusCode); // its own guide
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/k/{token}/leitfaden/{TestGuides.ProfileSection}")).StatusCode); // the profile is no guide
        using var connection = _factory.Database.Open();
        Assert.Equal(2, Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM assessments"));
    }

    [Fact]
    public async Task A_missing_answer_is_asked_for_and_the_comparison_consent_is_the_coordinators_choice_for_the_new_guide()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/k/{token}/leitfaden/{Second}");

        var refused = await client.SubmitAsync(page.Form("form.answer-form"), new Dictionary<string, string[]> { ["q.name"] = [""] });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bitte beantworten Sie diese Frage.", (await refused.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var other = await StartOtherAsync(client, token, new Dictionary<string, string[]> { ["OptIn"] = [] });
        Assert.False(Store.FindByCoordinatorToken(other)!.ComparisonOptIn);
        Assert.True(Store.FindByCoordinatorToken(token)!.ComparisonOptIn);
    }

    [Fact]
    public async Task A_profile_answer_the_other_guide_does_not_offer_is_named_with_its_old_value_and_asked_again()
    {
        var client = Client();
        var token = await StartAsync(client);
        // As a profile answered last year with an older profile text: a phase the current one no longer offers.
        var round = Store.CurrentRound(Store.FindByCoordinatorToken(token)!.Id);
        Store.SaveProfile(round.Id, [new StoredAnswer("phase", "\"vorlauf\"", false, null, false)], []);

        var page = await client.PageAsync($"/k/{token}/leitfaden/{Second}");

        Assert.Equal(["In welcher Phase ist die Testinitiative? – bisher: „vorlauf“"], page.QuerySelectorAll("#nicht-uebernommen li").Select(li => li.TextContent.Trim()));
        Assert.Empty(page.QuerySelectorAll("input[name='q.phase']:checked"));
        Assert.Equal("Initiative Nordwind", ((IHtmlInputElement)page.QuerySelector("input[name='q.name']")!).Value); // the rest came over
        var refused = await client.SubmitAsync(page.Form("form.answer-form"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var other = await StartOtherAsync(client, token, new Dictionary<string, string[]> { ["q.phase"] = ["etabliert"] });
        Assert.Equal("etabliert", Store.GetProfile(Store.CurrentRound(Store.FindByCoordinatorToken(other)!.Id).Id).Single(a => a.QuestionId == "phase").ValueJson!.Trim('"'));
    }

    [Fact]
    public async Task A_member_joins_the_other_guide_with_one_click_under_the_same_name_and_choice_and_answers_stay_apart()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator);
        var invite = await InviteAsync(coordinator, token);
        var ben = Client();
        var benFirst = await JoinAsync(ben, invite, "Ben", "name");
        await JoinAsync(Client(), invite, "Cem");
        var page = await ben.PageAsync($"/a/{benFirst}/{TestGuides.PartnerSection}");
        var field = page.QuerySelectorAll("[data-question]").First(f => f.QuerySelector("input[type=radio]") is not null);
        await ben.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q." + field.GetAttribute("data-question")] = [field.QuerySelector("input[type=radio]")!.GetAttribute("value")!] }, "go=bleiben");

        Assert.Null((await ben.PageAsync($"/a/{benFirst}/abschluss")).QuerySelector(".other-guide")); // nothing to join yet
        var other = await StartOtherAsync(coordinator, token);

        var review = await ben.PageAsync($"/a/{benFirst}/abschluss");
        var notice = review.QuerySelector(".other-guide")!;
        Assert.Contains("Ihr Team bearbeitet auch „Testwirkung“", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("wieder als „Ben“", notice.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Cem", notice.TextContent, StringComparison.Ordinal); // nothing about the others
        Assert.DoesNotContain("Anna", notice.TextContent, StringComparison.Ordinal);
        Assert.Null((await ben.PageAsync($"/a/{benFirst}/{TestGuides.PartnerSection}")).QuerySelector(".other-guide")); // not while answering

        var joined = await ben.SubmitAsync((IHtmlFormElement)notice.QuerySelector("form")!);
        var benSecond = joined.Location()[3..46];
        Assert.Equal($"/a/{benSecond}?notice=NewLink", joined.Location());
        Assert.NotEqual(benFirst, benSecond);
        Assert.Equal(HttpStatusCode.Redirect, (await ben.GetAsync($"/a/{benSecond}")).StatusCode); // to the first question of the new guide

        var found = Store.FindByRespondentToken(benSecond)!.Value;
        Assert.Equal(Second, found.Assessment.QuestionnaireId);
        Assert.Equal("Ben", found.Respondent.Label);
        Assert.Equal(AnswerSharing.Name, found.Respondent.Sharing);
        Assert.Empty(_factory.Services.GetRequiredService<ResponseStore>().Get(found.Respondent.Id)); // answers stay with their guide

        // A second click, or one next month, lands on the same person; the first link now leads to both.
        var twice = await ben.SubmitAsync((IHtmlFormElement)notice.QuerySelector("form")!);
        Assert.Equal($"/a/{benSecond}?notice=NewLink", twice.Location());
        var after = (await ben.PageAsync($"/a/{benFirst}/abschluss")).QuerySelector(".other-guide")!;
        Assert.Equal($"/a/{benSecond}", after.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(after.QuerySelector("form"));
        Assert.Equal(["Anna (Sie)", "Ben"], Rows(await coordinator.PageAsync($"/k/{other}")));

        // The new link does not offer the first guide again: Ben is in it already.
        Assert.Null((await ben.PageAsync($"/a/{benSecond}/abschluss")).QuerySelector(".other-guide"));
    }

    [Fact]
    public async Task The_coordinator_answering_through_their_own_link_is_offered_nothing_and_a_closed_other_round_takes_nobody()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator);
        var invite = await InviteAsync(coordinator, token);
        var ben = Client();
        var benFirst = await JoinAsync(ben, invite, "Ben");
        var other = await StartOtherAsync(coordinator, token);

        Assert.Null((await coordinator.PageAsync($"/a/{token}/abschluss")).QuerySelector(".other-guide"));

        var form = (IHtmlFormElement)(await ben.PageAsync($"/a/{benFirst}/abschluss")).QuerySelector(".other-guide form")!;
        await coordinator.CloseRoundAsync(other);
        Assert.Null((await ben.PageAsync($"/a/{benFirst}/abschluss")).QuerySelector(".other-guide"));
        Assert.Equal($"/a/{benFirst}", (await ben.SubmitAsync(form)).Location());
        Assert.Equal(["Anna (Sie)"], Rows(await coordinator.PageAsync($"/k/{other}")));
    }

    [Fact]
    public async Task Deleting_the_second_guide_leaves_the_first_and_its_links_never_open_the_one_started_after_it()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator);
        var other = await StartOtherAsync(coordinator, token);
        var otherInvite = await InviteAsync(coordinator, other);
        var ben = Client();
        var benSecond = await JoinAsync(ben, otherInvite, "Ben");

        var delete = await coordinator.PageAsync($"/k/{other}/loeschen");
        await coordinator.SubmitAsync(delete.Form("form"), new Dictionary<string, string[]> { ["Confirm"] = ["true"] });

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/k/{token}")).StatusCode);
        var again = await StartOtherAsync(coordinator, token);
        Assert.NotEqual(other, again);
        foreach (var gone in new[] { $"/k/{other}", otherInvite, $"/a/{benSecond}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(gone)).StatusCode);
        }
    }

    [Fact]
    public async Task Deleting_the_first_guide_says_that_the_second_stays_and_shows_its_link_which_keeps_working()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator);
        var other = await StartOtherAsync(coordinator, token);

        var delete = await coordinator.PageAsync($"/k/{token}/loeschen");
        var stays = delete.QuerySelector("#anderer-leitfaden-bleibt")!;
        Assert.Contains("„Testwirkung“ bleibt bestehen", stays.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/k/{other}", ((IHtmlInputElement)stays.QuerySelector("input")!).Value, StringComparison.Ordinal);
        await coordinator.SubmitAsync(delete.Form("form"), new Dictionary<string, string[]> { ["Confirm"] = ["true"] });

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/k/{token}")).StatusCode);
        var alone = await coordinator.PageAsync($"/k/{other}");
        Assert.Null(alone.QuerySelector("#erster-koordinationslink"));
        Assert.Contains("„Testaufbau“ beginnen", alone.QuerySelector("#leitfaeden")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_code_comes_along_so_the_initiative_counts_once_in_each_guide()
    {
        var client = Client();
        var token = await StartAsync(client);
        var code = SelfEval.Web.Tests.Attacks.Initiatives.Code(_factory.Services);
        await client.SubmitAsync((await client.PageAsync($"/k/{token}")).Form("form[action*=Comparison]"), new Dictionary<string, string[]> { ["Code"] = [code], ["optIn"] = ["true"] });

        var form = await client.PageAsync($"/k/{token}/leitfaden/{Second}");
        Assert.NotNull(form.QuerySelector("#code-uebernommen"));
        var other = await StartOtherAsync(client, token);

        Assert.Contains("Ihre Initiative nimmt mit einem Vergleichscode der Servicestelle teil.", (await client.PageAsync($"/k/{other}")).QuerySelector("#vergleich")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var codes = _factory.Services.GetRequiredService<SelfEval.Web.Office.ComparisonCodeStore>();
        Assert.Equal((1, 1), codes.Counts()); // one initiative
        using var connection = _factory.Database.Open();
        Assert.Equal(
            [(First, 1L), (Second, 1L)],
            Dapper.SqlMapper.Query<(string, long)>(connection, "SELECT questionnaire_id, COUNT(*) FROM assessments WHERE comparison_code_id IS NOT NULL GROUP BY questionnaire_id ORDER BY 1").ToList());
    }

    [Fact]
    public void Every_fixed_page_below_a_personal_link_is_a_section_id_the_loader_refuses()
    {
        var fixedSegments = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(t => t.TrimStart('/').StartsWith("a/{token}/", StringComparison.Ordinal))
            .Select(t => t.TrimStart('/')["a/{token}/".Length..])
            .Where(rest => !rest.Contains('{', StringComparison.Ordinal) && !rest.Contains('/', StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("abschluss", fixedSegments);
        Assert.Empty(fixedSegments.Except(QuestionnaireLoader.ReservedSectionIds));
    }

    [Fact]
    public async Task The_database_holds_no_coordinator_link_of_either_guide_nor_a_members_derived_link()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator);
        var invite = await InviteAsync(coordinator, token);
        var ben = Client();
        var benFirst = await JoinAsync(ben, invite, "Ben");
        var other = await StartOtherAsync(coordinator, token);
        var joined = await ben.SubmitAsync((IHtmlFormElement)(await ben.PageAsync($"/a/{benFirst}/abschluss")).QuerySelector(".other-guide form")!);
        var benSecond = joined.Location()[3..46];

        using (var connection = _factory.Database.Open())
        {
            Dapper.SqlMapper.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(Path.GetDirectoryName(_factory.DatabasePath)!).SelectMany(File.ReadAllBytes).ToArray();
        foreach (var secret in new[] { token, other, benFirst, benSecond, Tokens.Invite(other, 1) })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Buffers.Text.Base64Url.DecodeFromChars(secret)));
        }
    }
}
