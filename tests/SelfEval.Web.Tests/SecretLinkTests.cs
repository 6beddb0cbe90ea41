using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace SelfEval.Web.Tests;

/// <summary>What a secret link leaves behind: nothing in caches, nothing in logs, whatever its spelling.</summary>
public sealed class SecretLinkTests : IDisposable
{
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();
    private readonly CapturingLogs _logs = new();
    private readonly WebApplicationFactory<Program> _app;

    public SecretLinkTests() =>
        _app = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug)));

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<(string Token, string Invite)> StartAsync(HttpClient client)
    {
        var page = await client.PageAsync($"/start/{TestGuides.Wirkung}");
        var response = await client.SubmitAsync(page.Form("form.answer-form"), TestGuides.Profile("Initiative Verschwiegen", "etabliert"));
        var token = response.Location()[3..46];
        var invite = new Uri(((IHtmlInputElement)(await client.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath[3..];
        return (token, invite);
    }

    private static void AssertNoStore(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is '{response.Headers.CacheControl}'");
        Assert.True(response.Headers.Pragma.Any(p => p.Name == "no-cache"), $"{what}: Pragma is '{response.Headers.Pragma}'");
    }

    [Fact]
    public async Task Every_response_behind_a_secret_link_or_of_the_office_is_never_stored()
    {
        var client = Client();
        var (token, invite) = await StartAsync(client);
        var gets = new[]
        {
            $"/k/{token}", $"/k/{token}?neu=1", $"/K/{token}", $"/k/{token}/ergebnis?runde=1", $"/k/{token}/ergebnis?runde=1&handler=Pdf",
            $"/k/{token}/export?runde=1&format=json", $"/k/{token}/export?runde=1&format=csv", $"/k/{token}/loeschen", $"/k/{token}/gibt-es-nicht",
            $"/a/{token}", $"/A/{token}/gremien", $"/a/{token}/gremien", $"/a/{token}/abschluss", $"/a/{token}/ergebnis", $"/a/{token}/ergebnis?handler=Pdf",
            $"/e/{invite}", $"/k/{Data.Tokens.New()}", "/servicestelle", "/servicestelle/anmelden", "/Servicestelle/Anmelden",
        };
        foreach (var url in gets)
        {
            AssertNoStore(await client.GetAsync(url), "GET " + url);
        }

        // Posts and the redirects they answer with carry links too.
        var start = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        AssertNoStore(await client.SubmitAsync(start.Form("form.answer-form"), TestGuides.Profile("Zweite")), "POST /start");
        AssertNoStore(await client.SubmitAsync((await client.PageAsync($"/e/{invite}")).Form("form.answer-form")), "POST /e/");
        AssertNoStore(await client.CloseRoundAsync(token), "POST Close");

        Assert.False((await client.GetAsync("/css/site.css")).Headers.CacheControl?.NoStore == true, "static files stay cacheable");
    }

    [Fact]
    public async Task Links_in_any_spelling_and_in_query_strings_never_reach_the_logs()
    {
        var client = Client();
        var (token, invite) = await StartAsync(client);

        foreach (var url in new[]
                 {
                     $"/K/{token}", $"/A/{token}/gremien", $"/a/{token.ToUpperInvariant()}", $"/E/{invite}", $"/k/{token}/export?runde=1&format=csv",
                     $"/servicestelle/anmelden?ReturnUrl=%2FK%2F{token}", $"/?weiter=/a/{token}", $"/?weiter=%2fE%2f{invite}",
                 })
        {
            await client.GetAsync(url);
        }

        var all = _logs.Text();
        Assert.Contains("/K/[Link]", all, StringComparison.Ordinal);
        Assert.Contains("/k/[Link]/export?runde=1&format=csv", all, StringComparison.Ordinal);
        foreach (var secret in new[] { token, token.ToUpperInvariant(), invite })
        {
            Assert.False(all.Contains(secret, StringComparison.OrdinalIgnoreCase), string.Join("\n", _logs.Entries.Select(e => e.Text).Where(t => t.Contains(secret, StringComparison.OrdinalIgnoreCase)).Take(3)));
        }
    }
}
