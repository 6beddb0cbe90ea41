using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SelfEval.Web.Tests;

/// <summary>
/// Links and redirects come from route values (issue 16): the round is part of the path, notices are named by an
/// English value instead of a German query word, and the addresses people bookmarked before still work.
/// </summary>
public sealed class RouteTests : IDisposable
{
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Href(IHtmlDocument page, string text) =>
        page.QuerySelectorAll("a").First(a => a.TextContent.Trim() == text).GetAttribute("href")!;

    [Fact]
    public async Task The_coordinator_page_links_the_profile_pdf_and_downloads_of_a_round_by_its_number_in_the_path()
    {
        var client = Client();
        var page = await client.PageAsync($"/start/{TestGuides.Wirkung}");
        var token = (await client.SubmitAsync(page.Form("form.answer-form"), TestGuides.Profile("Initiative Pfad", "etabliert"))).Location()[3..46];
        await client.CloseRoundAsync(token);

        var coordinator = await client.PageAsync($"/k/{token}");

        Assert.Equal($"/k/{token}/ergebnis/1", Href(coordinator, "Profil"));
        Assert.Equal($"/k/{token}/ergebnis/1?handler=Pdf", Href(coordinator, "PDF"));
        Assert.Equal($"/k/{token}/export/1/json", Href(coordinator, "JSON"));
        Assert.Equal($"/k/{token}/export/1/csv", Href(coordinator, "CSV"));
        Assert.Equal($"/k/{token}/loeschen", Href(coordinator, "Löschen …"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/k/{token}/ergebnis/1")).StatusCode);
        Assert.Equal("application/pdf", (await client.GetAsync($"/k/{token}/ergebnis/1?handler=Pdf")).Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("{", (await client.GetStringAsync($"/k/{token}/export/1/json")).TrimStart(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/k/{token}/ergebnis/7")).StatusCode);
        // Bookmarks from before keep working.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/k/{token}/ergebnis?runde=1")).StatusCode);
        Assert.StartsWith("{", (await client.GetStringAsync($"/k/{token}/export?runde=1&format=json")).TrimStart(), StringComparison.Ordinal);
    }

    private const string Prefix = "/unter";

    /// <summary>The service behind a proxy that forwards one path of its host: every address it hands out must keep that path.</summary>
    private sealed class UnderPrefix : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UsePathBase(Prefix);
            next(app);
        };
    }

    /// <summary>Every address of the page that points into the service (links, form targets, the autosave address).</summary>
    private static IEnumerable<string> Addresses(IDocument page) =>
        page.QuerySelectorAll("a[href], form[action], link[href], script[src], [data-autosave]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action") ?? e.GetAttribute("src") ?? e.GetAttribute("data-autosave")!)
            .Where(a => a.StartsWith('/') && !a.StartsWith("//", StringComparison.Ordinal));

    private static void AssertUnderPrefix(IDocument page)
    {
        var outside = Addresses(page).Where(a => a != Prefix && !a.StartsWith(Prefix + "/", StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count == 0, $"{page.Url}: {string.Join(", ", outside)}");
    }

    private static string Unprefixed(HttpResponseMessage redirect)
    {
        var location = redirect.Location();
        Assert.StartsWith(Prefix + "/", location, StringComparison.Ordinal);
        return location[Prefix.Length..];
    }

    [Fact]
    public async Task Under_a_path_prefix_every_link_form_and_redirect_of_a_members_way_through_a_round_keeps_the_prefix()
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, UnderPrefix>()));
        HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var coordinator = NewClient();
        var start = await coordinator.PageAsync($"{Prefix}/start/{TestGuides.Aufbau}");
        var token = Unprefixed(await coordinator.SubmitAsync(start.Form("form.answer-form"), TestGuides.Profile("Initiative Unterpfad")))[3..46];
        var coordinatorPage = await coordinator.PageAsync($"{Prefix}/k/{token}");
        AssertUnderPrefix(coordinatorPage);
        AssertUnderPrefix(await coordinator.PageAsync(Unprefixed(await coordinator.GetAsync($"{Prefix}/a/{token}")).Insert(0, Prefix)));

        var invite = new Uri(((IHtmlInputElement)coordinatorPage.QuerySelector("#einladungslink")!).Value).AbsolutePath;
        Assert.StartsWith(Prefix + "/", invite, StringComparison.Ordinal);
        var ben = NewClient();
        var join = await ben.PageAsync(invite);
        AssertUnderPrefix(join);
        var personal = Unprefixed(await ben.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = ["Ben"] }))[..46];

        // Through every section to the overview, as the buttons lead.
        var next = Unprefixed(await ben.GetAsync(Prefix + personal));
        while (!next.Contains("/abschluss", StringComparison.Ordinal))
        {
            var section = await ben.PageAsync(Prefix + next);
            AssertUnderPrefix(section);
            var saved = Unprefixed(await ben.SubmitAsync(section.Form("#antworten"), button: "go=bleiben"));
            AssertUnderPrefix(await ben.PageAsync(Prefix + saved));
            next = Unprefixed(await ben.SubmitAsync(section.Form("#antworten"), button: "go=weiter"));
        }

        var review = await ben.PageAsync(Prefix + next);
        AssertUnderPrefix(review);
        Unprefixed(await ben.SubmitAsync(review.Form("form[action*=Sharing]"), new Dictionary<string, string[]> { ["Sharing"] = ["name"] }));
        AssertUnderPrefix(await ben.PageAsync($"{Prefix}{personal}/ergebnis"));

        // Once closed, the section pages are read only and link from section to section.
        await coordinator.SubmitAsync((await coordinator.PageAsync($"{Prefix}/k/{token}/abschliessen")).Form("form[action*=Close]"));
        var closed = await ben.PageAsync($"{Prefix}{personal}/{TestGuides.PartnerSection}");
        Assert.NotEmpty(closed.QuerySelectorAll(".section-nav a"));
        AssertUnderPrefix(closed);
        AssertUnderPrefix(await ben.PageAsync($"{Prefix}{personal}/abschluss"));
        AssertUnderPrefix(await coordinator.PageAsync($"{Prefix}/k/{token}"));
    }

    [Fact]
    public async Task The_header_and_footer_made_once_per_address_keep_the_prefix_they_were_asked_under_and_no_other()
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, UnderPrefix>()));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        static string[] Chrome(IDocument page) =>
            [.. page.QuerySelectorAll(".site-header a, .site-footer a").Select(a => a.GetAttribute("href")!)];

        // The same pages asked for with and without the proxy's prefix, each twice (the second time from memory).
        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.Equal([Prefix, Prefix + "/impressum", Prefix + "/datenschutz", Prefix + "/barrierefreiheit"], Chrome(await client.PageAsync(Prefix + "/")));
            Assert.Equal(["/", "/impressum", "/datenschutz", "/barrierefreiheit"], Chrome(await client.PageAsync("/")));
            Assert.Equal(["/", "/impressum", "/datenschutz", "/barrierefreiheit"], Chrome(await client.PageAsync("/datenschutz")));
        }
    }

    /// <summary>The names of a redirect's query: only English ones the pages define, never a German word.</summary>
    private static IEnumerable<string> QueryKeys(string location) =>
        System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + location).Query).AllKeys.Select(k => k!);

    [Fact]
    public async Task A_member_is_told_what_happened_by_an_english_notice_value_and_the_german_words_of_old_bookmarks_still_work()
    {
        var client = Client();
        var start = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        var token = (await client.SubmitAsync(start.Form("form.answer-form"), TestGuides.Profile("Initiative Hinweis"))).Location()[3..46];
        var invite = new Uri(((IHtmlInputElement)(await client.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;
        var ben = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var join = await ben.PageAsync(invite);
        var joined = (await ben.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = ["Ben"] })).Location();
        var personal = joined[..46];
        Assert.Equal($"{personal}?notice=NewLink", joined);
        var first = (await ben.GetAsync(joined)).Location();
        Assert.EndsWith("?notice=NewLink", first, StringComparison.Ordinal);
        Assert.NotNull((await ben.PageAsync(first)).QuerySelector("#persoenlicher-link"));
        Assert.Equal(first, (await ben.GetAsync($"{personal}?neu=1")).Location()); // an old bookmark

        var section = $"{personal}/{TestGuides.PartnerSection}";
        var saved = (await ben.SubmitAsync((await ben.PageAsync(section)).Form("#antworten"), button: "go=bleiben")).Location();
        Assert.Equal($"{section}?notice=Saved", saved);
        foreach (var address in new[] { saved, $"{section}?notice=saved", $"{section}?hinweis=gespeichert" })
        {
            Assert.Equal("Ihre Antworten sind gespeichert.", (await ben.PageAsync(address)).QuerySelector("p.notice[role=status]")?.TextContent.Trim());
        }

        Assert.Null((await ben.PageAsync($"{section}?notice=9")).QuerySelector("p.notice[role=status]"));
        Assert.Null((await ben.PageAsync($"{section}?notice=gespeichert")).QuerySelector("p.notice[role=status]"));

        var review = await ben.PageAsync($"{personal}/abschluss");
        var shared = (await ben.SubmitAsync(review.Form("form[action*=Sharing]"), new Dictionary<string, string[]> { ["Sharing"] = ["name"] })).Location();
        Assert.Equal($"{personal}/abschluss?notice=SharingSaved#teilen", shared);
        foreach (var address in new[] { shared, $"{personal}/abschluss?hinweis=teilen" })
        {
            Assert.Contains(SelfEval.Web.Assessments.SharingTexts.Saved, (await ben.PageAsync(address)).QuerySelector("#teilen")!.TextContent, StringComparison.Ordinal);
        }

        var closed = (await client.CloseRoundAsync(token)).Location();
        Assert.Equal($"/k/{token}?notice=Closed", closed);
        foreach (var address in new[] { closed, $"/k/{token}?hinweis=geschlossen" })
        {
            Assert.Contains("Der Durchgang ist abgeschlossen.", (await client.PageAsync(address)).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        }

        Assert.All(new[] { joined, first, saved, shared, closed }, l => Assert.All(QueryKeys(l), k => Assert.Equal("notice", k)));
    }
}
