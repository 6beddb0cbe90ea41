using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SelfEval.Web.Tests;

/// <summary>
/// The coordinator's links to profiles and downloads come from route values (issue 16): the round is part of the
/// path, not a German query word, and the addresses people bookmarked before still work.
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
}
