using System.Collections.Concurrent;
using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfEval.Web.Cli;

namespace SelfEval.Web.Tests;

/// <summary>Headers, throttling, foreign links, malformed requests, logs, backup, read-only storage.</summary>
public sealed class SecurityTests : IDisposable
{
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();
    private readonly CapturingLogs _logs = new();
    private readonly WebApplicationFactory<Program> _app;

    public SecurityTests() =>
        _app = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug)));

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Client(WebApplicationFactory<Program>? app = null) =>
        (app ?? _app).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<string> StartAsync(HttpClient client, string name = "Initiative Sicher")
    {
        var page = await client.PageAsync($"/start/{TestGuides.Wirkung}");
        var response = await client.SubmitAsync(page.Form("form.answer-form"), TestGuides.Profile(name, "etabliert"));
        return response.Location()[3..46];
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        var client = Client();
        var token = await StartAsync(client);
        foreach (var url in new[] { "/", $"/leitfaden/{TestGuides.Wirkung}", $"/start/{TestGuides.Wirkung}", $"/k/{token}", $"/a/{token}/test-wirkung-ziele",
                     $"/a/{token}/abschluss", $"/k/{token}/ergebnis", $"/k/{token}/export?format=json", "/servicestelle/anmelden", "/gibt-es-nicht", "/css/site.css", "/health" })
        {
            var response = await client.GetAsync(url);
            var headers = response.Headers;
            Assert.True(headers.TryGetValues("Content-Security-Policy", out var csp), url);
            Assert.Contains("script-src 'self';", csp!.Single(), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp!.Single(), StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp!.Single(), StringComparison.Ordinal);
            Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Pages_use_no_inline_script_or_style_the_policy_would_block()
    {
        var client = Client();
        var token = await StartAsync(client);
        foreach (var url in new[] { "/", $"/leitfaden/{TestGuides.Wirkung}", $"/k/{token}", $"/a/{token}/test-wirkung-ziele", $"/k/{token}/ergebnis" })
        {
            var page = await client.PageAsync(url);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/json", url));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("[onclick], [onchange], [onload]"));
        }
    }

    [Fact]
    public async Task Guessing_links_at_speed_is_throttled()
    {
        using var strict = _factory.WithWebHostBuilder(b => b.UseSetting("SelfEval:LinkRequestsPerMinute", "30"));
        var client = Client(strict);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 45; i++)
        {
            statuses.Add((await client.GetAsync($"/k/{SelfEval.Web.Data.Tokens.New()}")).StatusCode);
        }

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var refused = await client.GetAsync($"/a/{SelfEval.Web.Data.Tokens.New()}");
        Assert.Equal("Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // other pages stay open
    }

    [Fact]
    public async Task Office_login_attempts_are_throttled()
    {
        using var strict = _factory.WithWebHostBuilder(b => b.UseSetting("SelfEval:LoginRequestsPerMinute", "5"));
        var client = Client(strict);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await client.GetAsync("/servicestelle/anmelden")).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task One_initiatives_link_cannot_reopen_read_or_export_anothers_data()
    {
        var client = Client();
        var mine = await StartAsync(client, "Initiative Eins");
        var theirs = await StartAsync(client, "Initiative Zwei");
        using (var connection = _factory.Database.Open())
        {
            connection.Execute("UPDATE respondents SET finished_at = '2026-01-01T00:00:00+00:00'");
        }

        var foreignRespondent = await ScalarAsync<long>("SELECT r.id FROM respondents r JOIN rounds o ON o.id = r.round_id WHERE o.assessment_id = 2");
        var page = await client.PageAsync($"/k/{mine}");
        var form = page.Form("form[action*=Reopen]");
        await client.SubmitAsync(form, new Dictionary<string, string[]> { ["respondentId"] = [foreignRespondent.ToString(System.Globalization.CultureInfo.InvariantCulture)] });

        Assert.Equal(2, await ScalarAsync<long>("SELECT COUNT(*) FROM respondents WHERE finished_at IS NOT NULL"));
        var export = await client.GetStringAsync($"/k/{mine}/export?runde=1&format=json");
        Assert.Contains("Initiative Eins", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Initiative Zwei", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Initiative Zwei", await client.GetStringAsync($"/k/{mine}/ergebnis"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/k/{mine[..42]}{(mine[42] == 'A' ? 'B' : 'A')}")).StatusCode);
        _ = theirs;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = _factory.Database.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }

    [Fact]
    public async Task Oversized_and_malformed_posts_get_4xx_and_change_nothing()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/test-wirkung-ziele");
        var antiforgery = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

        var huge = await client.PostAsync($"/a/{token}/test-wirkung-ziele", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), new("q.test-ziele-bekannt", new string('4', 2_000_000))]));
        var longValue = await client.PostAsync($"/a/{token}/test-wirkung-ziele", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), new("q.test-ziele-bekannt", new string('4', 100_000))]));
        var garbage = await client.PostAsync($"/a/{token}/test-wirkung-ziele", new ByteArrayContent([0xff, 0xfe, 0x00, 0x25, 0x25]) { Headers = { { "Content-Type", "application/x-www-form-urlencoded; charset=utf-8" } } });
        var wrongType = await client.PostAsync($"/a/{token}/test-wirkung-ziele", new StringContent("{\"q\":1}", System.Text.Encoding.UTF8, "application/json"));

        // Kestrel answers 413 beyond 1 MiB; the test server has no body limit, so the form limit answers 400.
        Assert.Contains(huge.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        Assert.Equal(HttpStatusCode.BadRequest, longValue.StatusCode);
        Assert.True((int)garbage.StatusCode is >= 400 and < 500, garbage.StatusCode.ToString());
        Assert.True((int)wrongType.StatusCode is >= 400 and < 500, wrongType.StatusCode.ToString());
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM answers"));
    }

    [Fact]
    public async Task Links_never_appear_in_the_logs()
    {
        var client = Client();
        var token = await StartAsync(client);
        var invite = ((AngleSharp.Html.Dom.IHtmlInputElement)(await client.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value;
        await client.GetAsync($"/a/{token}/test-wirkung-ziele");
        await client.GetAsync(new Uri(invite).AbsolutePath);
        await client.GetAsync($"/k/{token}/gibt-es-nicht");

        var all = _logs.Text();
        Assert.Contains("/k/[Link]", all, StringComparison.Ordinal);
        Assert.Contains("answered 404", all, StringComparison.Ordinal);
        Assert.False(all.Contains(token, StringComparison.Ordinal), string.Join("\n", _logs.Entries.Select(e => e.Text).Where(t => t.Contains(token, StringComparison.Ordinal)).Take(3)));
        Assert.DoesNotContain(new Uri(invite).AbsolutePath[3..], all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoint_checks_the_database()
    {
        var response = await Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_backup_taken_while_running_restores_the_data_as_it_was()
    {
        var client = Client();
        var token = await StartAsync(client, "Vor der Sicherung");
        using var folder = TestPaths.NewTempFolder();
        var backup = folder.File("sicherung.db");
        var output = new StringWriter();

        Assert.Equal(0, Commands.Run(["backup", backup, "--database", _factory.DatabasePath], output, output));
        await StartAsync(client, "Nach der Sicherung");
        Assert.Equal(2, await ScalarAsync<long>("SELECT COUNT(*) FROM assessments"));

        // Restore as documented: stop the service, replace the file (and drop its WAL files), start again.
        _app.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_factory.DatabasePath + suffix);
        }

        File.Copy(backup, _factory.DatabasePath);
        using var restored = SelfEvalFactory.WithTestGuides().WithWebHostBuilder(b => b.UseSetting("SelfEval:DatabasePath", _factory.DatabasePath));
        var after = Client(restored);
        Assert.Equal("Vor der Sicherung", (await after.PageAsync($"/k/{token}")).QuerySelector("h1")!.TextContent);
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath}");
        connection.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM assessments"));
        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Equal(1, Commands.Run(["backup", backup, "--database", _factory.DatabasePath], output, output)); // never overwrites
    }

    [Fact]
    public async Task A_read_only_database_shows_pages_and_a_german_message_instead_of_saving()
    {
        var client = Client();
        var token = await StartAsync(client);
        _app.Dispose();
        SqliteConnection.ClearAllPools();

        using var readOnly = _factory.WithWebHostBuilder(b => b
            .UseSetting("SelfEval:DatabaseReadOnly", "true")
            .ConfigureLogging(l => l.AddProvider(_logs)));
        var reader = Client(readOnly);
        var page = await reader.PageAsync($"/a/{token}/test-wirkung-ziele");
        var response = await reader.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q.test-ziele-bekannt"] = ["3"] }, "go=weiter");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Ihre Angaben konnten gerade nicht gespeichert werden", (await response.ParseAsync()).QuerySelector("h1")!.TextContent);
        Assert.Contains(_logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/k/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health")).StatusCode);
    }
}

/// <summary>Collects every log line and scope, to prove what never reaches a log.</summary>
internal sealed class CapturingLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Entries { get; } = new();

    public string Text() => string.Join("\n", Entries.Select(e => e.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            owner.Entries.Enqueue((LogLevel.Trace, $"{category} scope: {state}"));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, $"{category}: {formatter(state, exception)} {exception}"));
    }
}
