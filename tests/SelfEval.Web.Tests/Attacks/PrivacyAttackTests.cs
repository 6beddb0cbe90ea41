using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Scoring.Statistics;
using SelfEval.Web.Cli;
using SelfEval.Web.Office;

namespace SelfEval.Web.Tests.Attacks;

/// <summary>The attacks of the privacy review, each as the attacker would run it, through the real pages.</summary>
public sealed class PrivacyAttackTests : IDisposable
{
    private const string Password = "ein-langes-passwort";
    // One test client plays many initiatives here; the per-address limits on starts and round actions are AbuseLimitTests' subject.
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(("SelfEval:StartsPerHour", "1000"), ("SelfEval:RoundActionsPerMinute", "1000"));

    public PrivacyAttackTests()
    {
        var output = new StringWriter();
        Assert.Equal(0, Commands.Run(["add-office-user", "anna", "--password-stdin", "--database", _factory.DatabasePath], output, output, stdin: new StringReader(Password)));
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> OfficeAsync()
    {
        var client = Client();
        Assert.Equal("/servicestelle", (await client.LoginAsync("anna", Password)).Location());
        return client;
    }

    private static async Task<string> BenchmarkAsync(HttpClient client, string coordinator) =>
        (await client.PageAsync($"/k/{coordinator}/ergebnis?runde=1")).QuerySelector("section.benchmark")!.InnerHtml;

    [Fact]
    public async Task Sybils_copying_a_targets_profile_neither_count_nor_see_a_band()
    {
        // The target: a genuine initiative of the network, the only one in its phase.
        var client = Client();
        await Initiatives.CreateAsync(client, "Ziel-Initiative", level: 0.5, code: Initiatives.Code(_factory.Services), phase: "neuausrichtung", guide: TestGuides.Aufbau);

        // The attacker registers four initiatives with the same public profile and extreme answers: with the
        // target they would make a group of five whose median is the target's own score.
        var sybils = new List<string>();
        foreach (var (level, i) in new[] { 0.0, 0.0, 1.0, 1.0 }.Select((l, i) => (l, i)))
        {
            sybils.Add(await Initiatives.CreateAsync(Client(), $"Attrappe {i}", level, phase: "neuausrichtung", guide: TestGuides.Aufbau));
        }

        foreach (var sybil in sybils)
        {
            var page = await Client().PageAsync($"/k/{sybil}/ergebnis?runde=1");
            Assert.Empty(page.QuerySelectorAll("section.benchmark table"));
            Assert.Equal(SelfEval.Web.Reports.ProfileTexts.BenchmarkNeedsCode, page.QuerySelector("section.benchmark .note")!.TextContent);
        }

        var office = await OfficeAsync();
        var dashboard = await office.PageAsync($"/servicestelle?leitfaden={TestGuides.Aufbau}&phase=neuausrichtung");
        Assert.Equal($"Keine Auswertung: {OfficeTexts.Withheld(DisclosureDecision.TooFew)}.", dashboard.QuerySelector(".refusal")!.TextContent.Trim());
        Assert.Single(_factory.Services.GetRequiredService<SnapshotStore>().Latest()!.Rounds);
    }

    [Fact]
    public async Task A_code_counts_once_per_guide_and_cannot_be_guessed_or_reused_by_another_assessment()
    {
        var code = Initiatives.Code(_factory.Services);
        var owner = await Initiatives.CreateAsync(Client(), "Echte Initiative", 0.5, code: code, guide: TestGuides.Aufbau);
        var thief = Client();
        var start = await thief.PageAsync($"/start/{TestGuides.Aufbau}");
        var token = (await thief.SubmitAsync(start.Form("form.answer-form"), TestGuides.Profile("Diebin", "aufbau"))).Location()[3..46];
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)(await thief.PageAsync($"/k/{token}")).QuerySelector("#optIn")!).IsChecked);

        foreach (var (attempt, message) in new[]
        {
            (code, "Dieser Vergleichscode wird für diesen Leitfaden schon von einer anderen Selbstevaluation verwendet."),
            ("AAAA-AAAA-AAAA", "Diesen Vergleichscode kennen wir nicht."),
            ("=1+1", "Diesen Vergleichscode kennen wir nicht."),
        })
        {
            var page = await thief.PageAsync($"/k/{token}");
            var response = await thief.SubmitAsync(page.Form("form[action*=Comparison]"), new Dictionary<string, string[]> { ["Code"] = [attempt], ["optIn"] = ["true"] });
            var answer = await response.ParseAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith(message, answer.QuerySelector("#code-fehler")!.TextContent.Replace("Fehler: ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(attempt, ((AngleSharp.Html.Dom.IHtmlInputElement)answer.QuerySelector("#Code")!).Value); // what was typed stays
            Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)answer.QuerySelector("#optIn")!).IsChecked); // and what was ticked
        }

        // A right code without consent is kept, and the page says what is still missing.
        var second = Initiatives.Code(_factory.Services);
        var entered = await thief.SubmitAsync((await thief.PageAsync($"/k/{token}")).Form("form[action*=Comparison]"), new Dictionary<string, string[]> { ["Code"] = [second], ["optIn"] = [] });
        Assert.Equal($"/k/{token}?notice=CodeWithoutConsent#vergleich", entered.Location());
        Assert.Contains("setzen Sie noch das Häkchen", (await thief.PageAsync(entered.Location())).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        Assert.True(_factory.Services.GetRequiredService<ComparisonCodeStore>().HasCode(_factory.Services.GetRequiredService<SelfEval.Web.Assessments.AssessmentStore>().FindByCoordinatorToken(owner)!.Id));
        Assert.Equal((2, 2), _factory.Services.GetRequiredService<ComparisonCodeStore>().Counts());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("=1+1")]
    public async Task A_wrong_number_of_codes_is_answered_with_a_message_and_issues_nothing(string count)
    {
        var office = await OfficeAsync();
        var page = await office.PageAsync("/servicestelle/codes");

        var answer = await (await office.SubmitAsync(page.Form("form.answer-form"), new Dictionary<string, string[]> { ["Count"] = [count] })).ParseAsync();

        Assert.Equal("Bitte geben Sie eine Anzahl von 1 bis 500 ein.", answer.QuerySelector(".error-text")!.TextContent);
        Assert.Equal(count, ((AngleSharp.Html.Dom.IHtmlInputElement)answer.QuerySelector("#Count")!).Value);
        Assert.Empty(answer.QuerySelectorAll(".code-list code"));
        Assert.Equal((0, 0), _factory.Services.GetRequiredService<ComparisonCodeStore>().Counts());
    }

    [Fact]
    public async Task Reading_ones_own_band_before_and_after_another_initiative_closes_reveals_nothing()
    {
        var services = _factory.Services;
        for (var i = 0; i < 5; i++)
        {
            await Initiatives.CreateAsync(Client(), $"Initiative {i}", 0.2 + (0.15 * i), Initiatives.Code(services), guide: TestGuides.Aufbau);
        }

        var viewer = Client();
        var own = await Initiatives.CreateAsync(viewer, "Betrachterin", 0.5, Initiatives.Code(services), guide: TestGuides.Aufbau);
        var before = await BenchmarkAsync(viewer, own);
        Assert.Contains("6 Initiativen", before, StringComparison.Ordinal);

        // One more initiative closes its round: nothing the viewer sees may change.
        // (At 0.7 it answers every question, "weiß nicht" being the last option: the later rounds then count in every figure together.)
        await Initiatives.CreateAsync(Client(), "Die Neue", 0.7, Initiatives.Code(services), guide: TestGuides.Aufbau);
        Assert.Equal(before, await BenchmarkAsync(viewer, own));

        // The office publishes a new snapshot at once: one more round would isolate the new one, so the band stays.
        var office = await OfficeAsync();
        var dashboard = await office.PageAsync("/servicestelle");
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(dashboard.Form("form[action*=Publish]"))).StatusCode);
        Assert.Equal(before, await BenchmarkAsync(viewer, own));

        // Only when at least k new rounds have come together does the band change.
        for (var i = 0; i < 4; i++)
        {
            await Initiatives.CreateAsync(Client(), $"Später {i}", 0.3, Initiatives.Code(services), guide: TestGuides.Aufbau);
        }

        await office.SubmitAsync((await office.PageAsync("/servicestelle")).Form("form[action*=Publish]"));
        var after = await BenchmarkAsync(viewer, own);
        Assert.NotEqual(before, after);
        Assert.Contains("11 Initiativen", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparison_values_are_never_echoed_into_the_page_or_its_links()
    {
        var office = await OfficeAsync();
        const string payload = "\"><script>alert(1)</script><a href=\"https://evil.example/";

        var response = await office.GetAsync($"/servicestelle?leitfaden={TestGuides.Wirkung}&vergleich=phase&a={Uri.EscapeDataString(payload)}&b=aufbau%26handler%3DLogout");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        var page = await response.ParseAsync();
        foreach (var link in page.QuerySelectorAll("a[href*=Export]").Select(a => a.GetAttribute("href")!))
        {
            Assert.DoesNotContain("handler=Logout", link, StringComparison.Ordinal);
            Assert.DoesNotContain("&a=", link, StringComparison.Ordinal); // neither value is a group of the dimension
        }
    }

    [Fact]
    public void Formulas_in_labels_reach_the_office_csv_only_as_text()
    {
        var model = new DashboardModel(
            5, 0, DateTimeOffset.UnixEpoch, [], new DashboardQuery(TestGuides.Wirkung, new Dictionary<string, string>()), "Testwirkung", 12, null, null,
            [new Figure("gesamt", "=HYPERLINK(\"https://evil.example\",\"klick\")", new Distribution(12, 40, 50, 60, 30, 70))], [], [],
            [new Frequency("x", "+1 Frage", 50), new Frequency("y", "@SUM(A1)", 20), new Frequency("z", "-2", 10)], [], []);

        var csv = DashboardExport.ToCsv(model);

        foreach (var formula in new[] { "=HYPERLINK", "+1 Frage", "@SUM(A1)", "-2" })
        {
            Assert.DoesNotMatch($"(^|,)\"?{System.Text.RegularExpressions.Regex.Escape(formula)}", csv);
            Assert.Contains("'" + formula, csv, StringComparison.Ordinal);
        }
    }
}
