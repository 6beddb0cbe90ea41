using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Tests.Stores;

namespace SelfEval.Web.Tests;

/// <summary>Limits on what one client can do in a short time: start assessments, act on rounds, start rounds.</summary>
public sealed class AbuseLimitTests : IDisposable
{
    // 23:30 UTC is already the next day in Berlin (summer time from 29 March 2026).
    private readonly FakeClock _clock = new() { Now = new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero) };
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();

    public void Dispose() => _factory.Dispose();

    private WebApplicationFactory<Program> App(params (string Key, string Value)[] settings) => _factory.WithWebHostBuilder(b =>
    {
        b.WithClientAddresses().ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock));
        foreach (var (key, value) in settings)
        {
            b.UseSetting(key, value);
        }
    });

    private static HttpClient Client(WebApplicationFactory<Program> app, string address = "198.51.100.20") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).From(address);

    private static async Task<HttpResponseMessage> StartAsync(HttpClient client)
    {
        var page = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        return await client.SubmitAsync(page.Form("form.answer-form"), TestGuides.Profile("Initiative Eilig"));
    }

    private int Rounds()
    {
        using var connection = _factory.Database.Open();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM rounds");
    }

    [Fact]
    public async Task Starting_assessments_is_limited_per_client_address()
    {
        using var app = App(("SelfEval:StartsPerHour", "3"));
        var client = Client(app);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(client)).StatusCode);
        }

        var refused = await StartAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith("Von Ihrem Internetanschluss aus wurden in der letzten Stunde", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/start/{TestGuides.Aufbau}")).StatusCode); // reading the form is not limited
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(Client(app, "198.51.100.21"))).StatusCode);
    }

    [Fact]
    public async Task Round_actions_are_limited_per_client_address_by_default_to_ten_a_minute()
    {
        using var app = App();
        var client = Client(app);
        var token = (await StartAsync(client)).Location()[3..46];
        var form = (await client.PageAsync($"/k/{token}")).Form("form[action*=Comparison]");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await client.SubmitAsync(form, new Dictionary<string, string[]> { ["optIn"] = [i % 2 == 0 ? "true" : "false"] })).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Redirect, 10).Append(HttpStatusCode.TooManyRequests), statuses);
        var refused = await client.SubmitAsync(form);
        Assert.StartsWith("Zu viele Änderungen in kurzer Zeit.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/k/{token}")).StatusCode); // the page itself stays open
    }

    [Fact]
    public async Task Forty_rounds_in_a_row_are_refused_until_thirty_days_after_the_last_start()
    {
        using var app = App(("SelfEval:RoundActionsPerMinute", "1000"));
        var client = Client(app);
        var token = (await StartAsync(client)).Location()[3..46];

        for (var i = 0; i < 40; i++)
        {
            if ((await client.PageAsync($"/k/{token}/abschliessen")).QuerySelector("form[action*=Close]") is AngleSharp.Html.Dom.IHtmlFormElement close)
            {
                await client.SubmitAsync(close);
            }

            await client.SubmitAsync((await client.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));
        }

        Assert.Equal(1, Rounds());
        var refused = await client.SubmitAsync((await client.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));
        var notice = (await client.PageAsync(refused.Location())).QuerySelector(".notice")!.TextContent;
        Assert.Contains("frühestens am 01.05.2026", notice, StringComparison.Ordinal); // started 01.04.2026 in Berlin

        _clock.Now = new DateTimeOffset(2026, 4, 30, 21, 59, 0, TimeSpan.Zero); // 30.04.2026, 23:59 in Berlin
        await client.SubmitAsync((await client.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));
        Assert.Equal(1, Rounds());

        _clock.Now = new DateTimeOffset(2026, 4, 30, 22, 1, 0, TimeSpan.Zero); // 01.05.2026, 00:01 in Berlin
        var started = await client.SubmitAsync((await client.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));
        Assert.Equal($"/k/{token}?notice=NewRound", started.Location());
        Assert.Equal(2, Rounds());
    }
}
