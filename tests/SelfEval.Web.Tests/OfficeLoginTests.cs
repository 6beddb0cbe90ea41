using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Cli;
using SelfEval.Web.Office;
using SelfEval.Web.Tests.Stores;

namespace SelfEval.Web.Tests;

/// <summary>
/// The office login under attack: nothing tells existing accounts from unknown ones, nobody can lock the
/// office out, and one client address that keeps guessing is throttled.
/// </summary>
public sealed class OfficeLoginTests : IDisposable
{
    private const string Password = "ein-langes-passwort";
    private const string Owner = "198.51.100.10";
    private const string Attacker = "203.0.113.66";
    private readonly FakeClock _clock = new() { Now = DateTimeOffset.UtcNow };
    private readonly CountingHasher _hasher = new();
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();
    private readonly WebApplicationFactory<Program> _app;

    public OfficeLoginTests()
    {
        var output = new StringWriter();
        Assert.Equal(0, Commands.Run(["add-office-user", "anna", "--password-stdin", "--database", _factory.DatabasePath], output, output, stdin: new StringReader(Password)));
        _app = _factory.WithWebHostBuilder(b => b
            .WithClientAddresses()
            .UseSetting("SelfEval:LoginRequestsPerMinute", "10000") // the per-minute request limit is not under test here
            .ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock).AddSingleton<IPasswordHasher<OfficeUser>>(_hasher)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Client(string address) =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).From(address);

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string name = "anna", string password = Password) =>
        client.LoginAsync(name, password);

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ParseAsync()).QuerySelector(".error-summary")!.OuterHtml;
    }

    /// <summary>Only the office signs in (Program.cs): its cookie is read on its pages, never on an initiative's.</summary>
    [Fact]
    public async Task The_sign_in_cookie_is_read_on_office_pages_only_and_they_still_know_who_signed_in()
    {
        var reads = 0;
        using var app = _app.WithWebHostBuilder(b => b.ConfigureServices(s => s.PostConfigure<CookieAuthenticationOptions>(
            CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                var validate = o.Events.OnValidatePrincipal;
                o.Events.OnValidatePrincipal = c =>
                {
                    Interlocked.Increment(ref reads);
                    return validate(c);
                };
            })));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).From(Owner);
        Assert.Equal("/servicestelle", (await LoginAsync(client)).Location());

        var start = await client.PageAsync($"/start/{TestGuides.Wirkung}");
        var created = await client.SubmitAsync(start.Form("form.answer-form"), TestGuides.Profile("Initiative Amt", "etabliert"));
        var coordinator = await client.GetAsync(created.Location());
        var readsOnInitiativePages = reads;
        var office = await client.PageAsync("/servicestelle");

        Assert.Matches("^/k/[A-Za-z0-9_-]{43}\\?notice=Created$", created.Location()); // the start form's token was made and checked alike
        Assert.Equal(HttpStatusCode.OK, coordinator.StatusCode);
        Assert.Equal(0, readsOnInitiativePages);
        Assert.Equal(1, reads);
        Assert.Contains("angemeldet als anna", office.QuerySelector(".kicker")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_after_failures_and_an_unknown_name_get_the_same_answer()
    {
        var client = Client(Owner);
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(client, password: "falsch");
        }

        var existing = await ErrorAsync(await LoginAsync(client, password: "falsch"));
        var unknown = await ErrorAsync(await LoginAsync(client, name: "niemand", password: "falsch"));

        Assert.Equal(unknown, existing);
        Assert.Contains("Bitte prüfen Sie Name und Passwort", existing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_can_lock_the_owner_out_by_failing_from_another_address()
    {
        var attacker = Client(Attacker);
        var form = (await attacker.PageAsync("/servicestelle/anmelden")).Form("form.login");
        for (var i = 0; i < 20; i++)
        {
            await attacker.SubmitAsync(form, new Dictionary<string, string[]> { ["Name"] = ["anna"], ["Password"] = [$"geraten-{i}"] });
        }

        Assert.Equal("/servicestelle", (await LoginAsync(Client(Owner))).Location());
    }

    [Fact]
    public async Task A_client_that_failed_ten_times_is_throttled_for_a_quarter_hour_with_the_same_message()
    {
        var client = Client(Attacker);
        var wrong = string.Empty;
        for (var i = 0; i < 10; i++)
        {
            wrong = await ErrorAsync(await LoginAsync(client, password: $"geraten-{i}"));
        }

        var throttled = await LoginAsync(client); // the right password, but from the address that kept guessing
        Assert.Equal(wrong, await ErrorAsync(throttled));
        Assert.False(throttled.Headers.Contains("Set-Cookie") && throttled.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("SelfEval.Servicestelle", StringComparison.Ordinal)));
        Assert.Equal("/servicestelle", (await LoginAsync(Client(Owner))).Location()); // other addresses are not affected

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(wrong, await ErrorAsync(await LoginAsync(client)));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("/servicestelle", (await LoginAsync(client)).Location());
    }

    [Fact]
    public async Task An_unknown_name_costs_one_password_verification_like_a_wrong_password()
    {
        var client = Client(Owner);

        await LoginAsync(client, name: "niemand", password: "falsch");
        var forUnknown = _hasher.Verifications;
        await LoginAsync(client, password: "falsch");
        var forKnown = _hasher.Verifications - forUnknown;

        Assert.Equal(1, forUnknown);
        Assert.Equal(1, forKnown);
    }

    /// <summary>The real hasher, counting how often a password is verified.</summary>
    private sealed class CountingHasher : IPasswordHasher<OfficeUser>
    {
        private readonly PasswordHasher<OfficeUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(OfficeUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(OfficeUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
