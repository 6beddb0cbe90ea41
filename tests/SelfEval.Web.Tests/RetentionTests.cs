using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Tests;

/// <summary>
/// Retention (issue 17) on a real SQLite file with an injected clock: an assessment untouched for the period gets a
/// notice on its coordinator page, and only if nobody works on it during the notice period is it deleted.
/// </summary>
public sealed class RetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Logs _logs = new();
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(("SelfEval:MinimumDaysBetweenRounds", "0"));
    private readonly WebApplicationFactory<Program> _app;

    public RetentionTests()
    {
        _app = App();
    }

    private WebApplicationFactory<Program> App() =>
        _factory.WithWebHostBuilder(b => b
            .ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock))
            .ConfigureLogging(l => l.AddProvider(_logs)));

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Client(WebApplicationFactory<Program>? app = null) =>
        (app ?? _app).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private int Sweep() => _app.Services.GetRequiredService<RetentionService>().RunOnce();

    private static readonly TimeSpan Notice = TimeSpan.FromDays(30);

    /// <summary>Moves the clock to just past the retention period (24 months) counted from <paramref name="lastActivity"/>.</summary>
    private void PastPeriod(DateTimeOffset lastActivity) => _clock.SetUtcNow(lastActivity.AddMonths(24).AddHours(1));

    private static async Task<AngleSharp.Dom.IElement?> NoticeAsync(HttpClient coordinator, string token) =>
        (await coordinator.PageAsync($"/k/{token}")).QuerySelector("#aufbewahrung");

    private static string Day(DateTimeOffset moment) => SelfEval.Web.Data.Time.BerlinDate(moment).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_assessment_used_within_the_period_gets_no_notice()
    {
        var coordinator = Client();
        var token = await CoordinatorTests.StartAsync(coordinator, guide: TestGuides.Aufbau);
        _clock.SetUtcNow(Start.AddMonths(24).AddHours(-1));
        Sweep();
        Assert.Null(await NoticeAsync(coordinator, token));
    }

    [Fact]
    public async Task Untouched_for_the_period_it_gets_a_notice_with_the_date_and_is_kept_through_the_notice_period()
    {
        var coordinator = Client();
        var token = await CoordinatorTests.StartAsync(coordinator, guide: TestGuides.Aufbau);
        PastPeriod(Start);
        var noticed = _clock.GetUtcNow();
        Sweep();
        var notice = await NoticeAsync(coordinator, token);
        Assert.NotNull(notice);
        Assert.Contains($"Ohne weitere Aktivität werden die Daten dieser Selbstevaluation am {Day(noticed + Notice)} gelöscht.", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector("form button"));

        // Looking at the page is no activity, and a day before the notice period ends nothing is deleted.
        _clock.SetUtcNow(noticed + Notice - TimeSpan.FromDays(1));
        Assert.Equal(0, Sweep());
        Assert.NotNull(await NoticeAsync(coordinator, token));
    }

    [Fact]
    public async Task Still_untouched_after_the_notice_period_it_is_deleted_entirely_and_the_log_names_no_one()
    {
        var coordinator = Client();
        var token = await CoordinatorTests.StartAsync(coordinator, "Initiative Geheimname", TestGuides.Aufbau);
        var member = Client();
        var personal = await CoordinatorTests.JoinAsync(member, await CoordinatorTests.InviteAsync(coordinator, token), "Berta Beispiel");
        await CoordinatorTests.AnswerOneAsync(member, personal, TestGuides.PartnerSection);
        await coordinator.CloseRoundAsync(token);

        PastPeriod(_clock.GetUtcNow());
        Sweep();
        _clock.Advance(Notice);
        Sweep();

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/k/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(personal)).StatusCode);
        using var connection = _factory.Database.Open();
        foreach (var table in (string[])["assessments", "rounds", "respondents", "answers", "profile_answers", "round_results"])
        {
            Assert.Equal(0, connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}"));
        }

        Assert.Contains(_logs.Messages, m => m.Contains("1 assessments deleted", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, m => m.Contains("Geheimname", StringComparison.Ordinal) || m.Contains("Berta", StringComparison.Ordinal) || m.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_saved_during_the_notice_period_ends_the_notice_and_the_period_starts_again()
    {
        var coordinator = Client();
        var token = await CoordinatorTests.StartAsync(coordinator, guide: TestGuides.Aufbau);
        var member = Client();
        var personal = await CoordinatorTests.JoinAsync(member, await CoordinatorTests.InviteAsync(coordinator, token), "Ben");

        PastPeriod(_clock.GetUtcNow());
        Sweep();
        Assert.NotNull(await NoticeAsync(coordinator, token));

        _clock.Advance(TimeSpan.FromDays(10));
        await CoordinatorTests.AnswerOneAsync(member, personal, TestGuides.PartnerSection);
        var answered = _clock.GetUtcNow();
        Assert.Null(await NoticeAsync(coordinator, token));

        _clock.Advance(Notice);
        Sweep();
        Assert.Null(await NoticeAsync(coordinator, token));

        // The next notice counts from the answer.
        _clock.SetUtcNow(answered.AddMonths(24).AddHours(-1));
        Sweep();
        Assert.Null(await NoticeAsync(coordinator, token));
        PastPeriod(answered);
        Sweep();
        Assert.NotNull(await NoticeAsync(coordinator, token));
    }

    [Fact]
    public async Task Daten_behalten_keeps_the_data()
    {
        var coordinator = Client();
        var token = await CoordinatorTests.StartAsync(coordinator, guide: TestGuides.Aufbau);
        PastPeriod(Start);
        Sweep();
        var page = await coordinator.PageAsync($"/k/{token}");
        var kept = await coordinator.SubmitAsync(page.Form("#aufbewahrung form"));
        Assert.Equal($"/k/{token}?hinweis=behalten", kept.Location());
        Assert.Null(await NoticeAsync(coordinator, token));

        _clock.Advance(Notice + TimeSpan.FromDays(1));
        Sweep();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/k/{token}")).StatusCode);
        Assert.Null(await NoticeAsync(coordinator, token));
    }

    [Fact]
    public async Task A_coordinator_action_that_leaves_no_timestamp_still_counts()
    {
        var coordinator = Client();
        var token = await CoordinatorTests.StartAsync(coordinator, guide: TestGuides.Aufbau);
        await coordinator.CloseRoundAsync(token);
        PastPeriod(_clock.GetUtcNow());
        Sweep();
        Assert.NotNull(await NoticeAsync(coordinator, token));

        // Reopening the round clears its closing date: the store marks the activity itself.
        _clock.Advance(TimeSpan.FromDays(1));
        var reopen = await coordinator.PageAsync($"/k/{token}/wieder-oeffnen");
        await coordinator.SubmitAsync(reopen.Form("form[method=post]"));
        Assert.Null(await NoticeAsync(coordinator, token));
    }

    [Fact]
    public async Task The_sweep_runs_at_start_up_and_then_on_the_clock()
    {
        var coordinator = Client();
        var token = await CoordinatorTests.StartAsync(coordinator, guide: TestGuides.Aufbau);
        _app.Dispose();

        // A service started long after: the first sweep has run before the first request.
        PastPeriod(Start);
        using var restarted = App();
        var client = Client(restarted);
        Assert.NotNull(await NoticeAsync(client, token));

        // Then every hour of the injected clock, without anyone calling it.
        var swept = new TaskCompletionSource();
        restarted.Services.GetRequiredService<RetentionService>().Swept += () => swept.TrySetResult();
        _clock.Advance(Notice);
        await swept.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/k/{token}")).StatusCode);
    }

    [Fact]
    public async Task Work_on_the_other_guide_keeps_both_guides_of_the_initiative()
    {
        var coordinator = Client();
        var first = await CoordinatorTests.StartAsync(coordinator, guide: TestGuides.Aufbau);
        var start = (await coordinator.PageAsync($"/k/{first}")).QuerySelector("#leitfaeden a[href*='/leitfaden/']")!.GetAttribute("href")!;
        var second = (await coordinator.SubmitAsync((await coordinator.PageAsync(start)).Form("form.answer-form"))).Location()[3..46];

        // A year later the team works on the second guide only.
        _clock.Advance(TimeSpan.FromDays(365));
        var member = Client();
        await CoordinatorTests.JoinAsync(member, await CoordinatorTests.InviteAsync(coordinator, second), "Ben");

        PastPeriod(Start);
        Sweep();
        Assert.Null(await NoticeAsync(coordinator, first));
        Assert.Null(await NoticeAsync(coordinator, second));

        // Two years after that, both get the notice and both go.
        _clock.Advance(TimeSpan.FromDays(365 * 2));
        Sweep();
        Assert.NotNull(await NoticeAsync(coordinator, first));
        Assert.NotNull(await NoticeAsync(coordinator, second));
        _clock.Advance(Notice);
        Sweep();
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/k/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/k/{second}")).StatusCode);
    }

    [Fact]
    public async Task Demo_assessments_are_left_to_the_demo_command()
    {
        var coordinator = Client();
        var token = await CoordinatorTests.StartAsync(coordinator, guide: TestGuides.Aufbau);
        using (var connection = _factory.Database.Open())
        {
            connection.Execute("UPDATE assessments SET is_demo = 1");
        }

        PastPeriod(Start);
        Sweep();
        _clock.Advance(Notice * 2);
        Sweep();
        Assert.Null(await NoticeAsync(coordinator, token));
    }

    [Fact]
    public void A_retention_period_of_zero_months_stops_the_start()
    {
        using var factory = SelfEvalFactory.WithTestGuides(("SelfEval:RetentionMonths", "0"));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("RetentionMonths", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Every message written through the application's loggers.</summary>
    private sealed class Logs : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
