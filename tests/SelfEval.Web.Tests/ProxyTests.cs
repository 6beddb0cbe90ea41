using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SelfEval.Web.Tests;

/// <summary>Behind a TLS proxy: links use the configured public address, forwarded headers count only from known proxies.</summary>
public sealed class ProxyTests : IDisposable
{
    private const string Public = "https://selfeval.example.de";
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();

    public void Dispose() => _factory.Dispose();

    private WebApplicationFactory<Program> App(params (string Key, string Value)[] settings) => _factory.WithWebHostBuilder(b =>
    {
        b.WithClientAddresses();
        foreach (var (key, value) in settings)
        {
            b.UseSetting(key, value);
        }
    });

    private static HttpClient Client(WebApplicationFactory<Program> app, string host = "localhost", string scheme = "http") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"{scheme}://{host}/") });

    private static async Task<string> StartAsync(HttpClient client)
    {
        var page = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        var response = await client.SubmitAsync(page.Form("form.answer-form"), TestGuides.Profile("Initiative Hinter Proxy"));
        return response.Location()[3..46];
    }

    private static string Value(IHtmlDocument page, string selector) => ((IHtmlInputElement)page.QuerySelector(selector)!).Value;

    [Fact]
    public async Task With_a_public_base_url_a_forged_host_never_reaches_the_links()
    {
        using var app = App(("SelfEval:PublicBaseUrl", Public + "/"), ("AllowedHosts", "*")); // host filtering off: only the links are under test
        var client = Client(app, "evil.example", "https");
        var token = await StartAsync(client);

        var coordinator = await client.PageAsync($"/k/{token}");
        Assert.Equal($"{Public}/k/{token}", Value(coordinator, "#koordinationslink"));
        Assert.StartsWith($"{Public}/e/", Value(coordinator, "#einladungslink"), StringComparison.Ordinal);

        var member = Client(app, "evil.example", "https");
        var join = await member.PageAsync(new Uri(Value(coordinator, "#einladungslink")).AbsolutePath);
        var personal = (await member.SubmitAsync(join.Form("form.answer-form"))).Location()[..46];
        var fresh = await member.PageAsync($"{personal}/{TestGuides.PartnerSection}?neu=1");
        var later = await member.PageAsync($"{personal}/{TestGuides.PartnerSection}");
        Assert.Equal($"{Public}{personal}", Value(fresh, "#persoenlicher-link"));
        Assert.Equal($"{Public}{personal}", Value(later, "#link-erinnerung"));
        foreach (var page in new[] { coordinator, join, fresh, later })
        {
            Assert.DoesNotContain("evil.example", page.Source.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_local_host_names_and_the_public_one_are_served()
    {
        using var local = App();
        using var published = App(("SelfEval:PublicBaseUrl", Public));

        Assert.Equal(HttpStatusCode.BadRequest, (await Client(local, "evil.example").GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client(local, "selfeval.example.de").GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client(published, "evil.example").GetAsync("/")).StatusCode);
        foreach (var host in new[] { "localhost", "127.0.0.1", "[::1]" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Client(local, host).GetAsync("/")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Client(published, "selfeval.example.de").GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_a_configured_proxy()
    {
        using var app = App(("SelfEval:KnownProxies:0", "10.0.0.2"));
        using var unconfigured = App();
        var token = await StartAsync(Client(app));

        async Task<string> LinkAsync(WebApplicationFactory<Program> factory, string from)
        {
            var client = Client(factory).From(from);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
            return Value(await client.PageAsync($"/k/{token}"), "#koordinationslink");
        }

        Assert.Equal($"https://localhost/k/{token}", await LinkAsync(app, "10.0.0.2"));
        Assert.Equal($"http://localhost/k/{token}", await LinkAsync(app, "10.0.0.3"));
        Assert.Equal($"http://localhost/k/{token}", await LinkAsync(unconfigured, "127.0.0.1")); // not even loopback by default
    }

    [Fact]
    public async Task An_https_public_url_makes_every_cookie_secure_and_asks_for_https()
    {
        using var app = App(("SelfEval:PublicBaseUrl", Public));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://selfeval.example.de/") });
        Commands(app);

        // The requests reach the service over plain HTTP, as from a TLS proxy it was not told about.
        var start = await client.GetAsync($"/start/{TestGuides.Aufbau}");
        var login = await client.GetAsync("/servicestelle/anmelden");
        var form = (await login.ParseAsync()).Form("form.login");
        var post = new HttpRequestMessage(HttpMethod.Post, "/servicestelle/anmelden")
        {
            Content = new FormUrlEncodedContent(Forms.Values(form).Where(v => v.Key is not ("Name" or "Password")).Append(new("Name", "anna")).Append(new("Password", Password))),
        };
        post.Headers.Add("Cookie", string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = new[] { start, login, signedIn }.SelectMany(r => r.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("SelfEval.Formular=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("SelfEval.Servicestelle=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=", start.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SelfEval:PublicBaseUrl", "selfeval.example.de")]
    [InlineData("SelfEval:PublicBaseUrl", "https://selfeval.example.de/unterordner")]
    [InlineData("SelfEval:KnownProxies:0", "proxy.example.de")]
    public void A_malformed_public_address_or_proxy_stops_the_start(string key, string value)
    {
        using var app = App((key, value));

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(key.Split(':')[1], error.ToString(), StringComparison.Ordinal);
    }

    private const string Password = "ein-langes-passwort";

    private void Commands(WebApplicationFactory<Program> app)
    {
        _ = app.Services; // the service has migrated the database
        var output = new StringWriter();
        Assert.Equal(0, SelfEval.Web.Cli.Commands.Run(["add-office-user", "anna", "--password-stdin", "--database", _factory.DatabasePath], output, output, stdin: new StringReader(Password)));
    }
}
