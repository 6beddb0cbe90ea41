using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using SelfEval.Scoring.Model;
using SelfEval.Web.Assessments;
using SelfEval.Web.Cli;
using SelfEval.Web.Data;
using SelfEval.Web.Office;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports;

/// <summary>
/// The profile as a user gets it, side by side in one run: rendering alone, the page and the PDF through the
/// real service, what a user would otherwise do (fetch the page and print it with a warm Chromium), and 8
/// concurrent clients. A temporary database holds a demo network (so the comparison band is there) and one
/// initiative per guide with a closed first round and an open second round, each answered by 10 people.
/// </summary>
internal static class ProfileWebBenchmark
{
    private const int Port = 5395;
    private const int Respondents = 10;

    public static async Task<int> RunAsync(string repository, string[] args)
    {
        var runs = Option(args, "--runs", 60);
        var folder = Directory.CreateTempSubdirectory("selfeval-profile-web-");
        var database = Path.Combine(folder.FullName, "bench.db");
        try
        {
            var questionnaires = Path.Combine(repository, "questionnaires");
            var output = new StringWriter();
            DemoDataCommand.Run(["--initiatives", "300", "--seed", "5"], database, questionnaires, output, output);
            var catalog = QuestionnaireCatalog.Load(questionnaires);
            var initiatives = catalog.Questionnaires.Select((guide, n) => (Guide: guide, Token: Create(database, catalog, guide, seed: 42 + n))).ToList();
            var responses = new ResponseStore(new Database(database), TimeProvider.System);

            // A team member of each open round changes an answer before a "changed" request: nothing of the round can be reused.
            var changes = initiatives.Select(i =>
            {
                var member = FirstMember(database, i.Token);
                var question = i.Guide.ScoredQuestions.First(q => q.Options.Count > 1);
                var flip = 0;
                return (Action)(() => responses.Save(member, [StoredAnswer.From(question.Id, new Answer.Choice(question.Options[flip++ % 2].Value))], [], null));
            }).ToList();

            Console.WriteLine($"SelfEval profile through the service · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · load average {LoadAverage()}");
            Console.WriteLine($"Each guide: round 2 (open) answered by {Respondents} people, trend against round 1 (closed, {Respondents} people), band from a demo network of 300 initiatives.");
            Console.WriteLine($"Medians over {runs} runs ({runs / 2} for the changed and Chromium rows) after a warm-up; server in Release on 127.0.0.1, one client unless stated.");

            var rows = new Dictionary<string, List<string>>();
            void Add(string row, string value) => (rows.TryGetValue(row, out var list) ? list : rows[row] = []).Add(value);

            // (a) Rendering alone, in this process, of the very report the service builds for the page.
            var renders = Render(database, catalog, initiatives, runs);

            using var server = Start(database);
            using var client = NewClient();
            await WaitAsync(client);

            // The server as after a while in service: every path of both guides taken often enough for the JIT's last tier.
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < WarmUpRuns; i++)
            {
                foreach (var (initiative, change) in initiatives.Zip(changes))
                {
                    change();
                    await client.GetByteArrayAsync($"/k/{initiative.Token}/ergebnis");
                    await client.GetByteArrayAsync($"/k/{initiative.Token}/ergebnis?handler=Pdf");
                }
            }

            Console.WriteLine($"Server warmed up with {WarmUpRuns} changed views and downloads per guide in {warm.Elapsed.TotalSeconds:0} s.");
            Console.WriteLine();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
            var tab = await browser.NewPageAsync();
            foreach (var ((initiative, render), change) in initiatives.Zip(renders).Zip(changes))
            {
                var pageUrl = $"/k/{initiative.Token}/ergebnis";
                var pdfUrl = pageUrl + "?handler=Pdf";
                var pageSize = (await client.GetByteArrayAsync(pageUrl)).Length;
                var pdfSize = (await client.GetByteArrayAsync(pdfUrl)).Length;
                var page = await MedianAsync(runs, () => client.GetByteArrayAsync(pageUrl));
                var pdf = await MedianAsync(runs, () => client.GetByteArrayAsync(pdfUrl));
                var pageChanged = await MedianAsync(runs / 2, () => client.GetByteArrayAsync(pageUrl), before: change);
                var pdfChanged = await MedianAsync(runs / 2, () => client.GetByteArrayAsync(pdfUrl), before: change);
                var printed = 0;
                var chromium = await MedianAsync(Math.Max(10, runs / 2), async () =>
                {
                    var html = await client.GetStringAsync(pageUrl);

                    // The stylesheet is linked relative to the service, as the user's browser would load it.
                    html = html.Replace("<head>", $"<head><base href=\"http://127.0.0.1:{Port}/\">", StringComparison.Ordinal);
                    await tab.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
                    printed = (await tab.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true })).Length;
                });
                var pageLoad = await ConcurrentAsync(pageUrl);
                var pdfLoad = await ConcurrentAsync(pdfUrl);

                Add("(a) render HTML fragment", Ms(render.Html));
                Add("(a) render PDF (PDFsharp)", Ms(render.Pdf));
                Add("(b) GET profile page", $"{Ms(page)} ({pageSize / 1024} KiB)");
                Add("(c) GET PDF", $"{Ms(pdf)} ({pdfSize / 1024} KiB)");
                Add("(b′) GET profile page right after an answer changed", Ms(pageChanged));
                Add("(c′) GET PDF right after an answer changed", Ms(pdfChanged));
                Add("(d) warm Chromium: GET page → SetContentAsync → PdfAsync", $"{Ms(chromium)} ({printed / 1024} KiB)");
                Add("(e) (d) / (c)", $"{(chromium / pdf).ToString("0.0", CultureInfo.InvariantCulture)}×");
                Add("(f) 8 clients, page: p50 / p95 / throughput", pageLoad);
                Add("(f) 8 clients, PDF: p50 / p95 / throughput", pdfLoad);
            }

            Console.WriteLine($"| measurement (median) | {string.Join(" | ", initiatives.Select(i => i.Guide.Id))} |");
            Console.WriteLine($"|---|{string.Join("|", initiatives.Select(_ => "---"))}|");
            foreach (var (row, values) in rows)
            {
                Console.WriteLine($"| {row} | {string.Join(" | ", values)} |");
            }

            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One initiative of the guide: round 1 answered and closed, round 2 answered and open; opted in with a code.</summary>
    private static string Create(string database, QuestionnaireCatalog catalog, Questionnaire guide, int seed)
    {
        var random = new Random(seed);
        var db = new Database(database);
        var clock = TimeProvider.System;
        var versions = new QuestionnaireVersionStore(db, catalog, clock);
        var assessments = new AssessmentStore(db, clock);
        var responses = new ResponseStore(db, clock);
        var results = new RoundResultStore(db, assessments, new RoundReader(db, versions), catalog, clock);
        var codes = new ComparisonCodeStore(db, clock);
        var token = Tokens.New();
        var profile = new Dictionary<string, Answer>
        {
            ["name"] = new Answer.Text("Benchmark-Initiative"),
            ["phase"] = new Answer.Choice("etabliert"),
            ["ausrichtung"] = new Answer.Choice("praktisch-projektorientiert"),
            ["rechtsform"] = new Answer.Choice("ev"),
            ["land"] = new Answer.Choice("nw"),
            ["radius"] = new Answer.Choice("regional"),
            ["gruendungsjahr"] = new Answer.Number(2012),
            ["mitglieder"] = new Answer.Number(40),
            ["personal"] = new Answer.Choice("gemischt"),
        };
        var id = assessments.Create(new AssessmentStore.NewAssessment(
            guide.Id, versions.Ensure(guide), Tokens.Hash(token), Tokens.Hash(Tokens.Invite(token, 1)), ComparisonOptIn: true,
            null, profile.Where(p => guide.FindQuestion(p.Key) is not null).Select(p => StoredAnswer.From(p.Key, p.Value)).ToList()));
        if (codes.Redeem(id, codes.Issue(1)[0]) != CodeRedemption.Joined)
        {
            throw new InvalidOperationException("comparison code not redeemed");
        }

        for (var number = 1; number <= 2; number++)
        {
            var round = assessments.CurrentRound(id);
            var people = new List<long> { assessments.Coordinator(round.Id).Id };
            people.AddRange(Enumerable.Range(1, Respondents - 1).Select(_ => assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), null)));
            foreach (var person in people)
            {
                var answers = guide.ScoredQuestions.Select(q => q.AllowsNotRelevant && random.NextDouble() < 0.05
                    ? StoredAnswer.From(q.Id, new Answer.NotRelevant(null))
                    : StoredAnswer.From(q.Id, new Answer.Choice(q.Options[random.Next(q.Options.Count)].Value))).ToList();
                responses.Save(person, answers, [], null);
            }

            if (number == 1)
            {
                assessments.CloseRound(round.Id);
                results.Compute(round.Id);
                assessments.StartNextRound(id, round.QuestionnaireVersionId, guide);
            }
        }

        return token;
    }

    /// <summary>A team member of the open round who is not the coordinator.</summary>
    private static long FirstMember(string database, string token)
    {
        var assessments = new AssessmentStore(new Database(database), TimeProvider.System);
        var round = assessments.CurrentRound(assessments.FindByCoordinatorToken(token)!.Id);
        return assessments.GetRespondents(round.Id).First(r => !r.IsCoordinator).Id;
    }

    private static List<(TimeSpan Html, TimeSpan Pdf)> Render(string database, QuestionnaireCatalog catalog, List<(Questionnaire Guide, string Token)> initiatives, int runs)
    {
        var db = new Database(database);
        var clock = TimeProvider.System;
        var options = Options.Create(new SelfEvalOptions());
        var assessments = new AssessmentStore(db, clock);
        var responses = new ResponseStore(db, clock);
        var versions = new QuestionnaireVersionStore(db, catalog, clock);
        var results = new RoundResultStore(db, assessments, new RoundReader(db, versions), catalog, clock);
        var comparison = new ComparisonService(new SnapshotStore(db, results, catalog, clock, options), new DashboardBuilder(new ReleaseControl(db, clock, options), catalog));
        var html = new HtmlProfileRenderer(new MarkdownRenderer());
        var pdf = new PdfProfileRenderer();
        using var cache = new ProfileCache();
        var profiles = new ProfileService(assessments, responses, new RoundReader(db, versions), catalog, clock, comparison, new ComparisonCodeStore(db, clock), options, cache, pdf);
        var reports = initiatives.Select(i =>
        {
            var assessment = assessments.FindByCoordinatorToken(i.Token)!;
            return profiles.ForRound(assessment, assessments.CurrentRound(assessment.Id));
        }).ToList();
        for (var i = 0; i < WarmUpRuns; i++)
        {
            reports.ForEach(r => pdf.Render(r));
            reports.ForEach(r => html.RenderFragment(r));
        }

        return reports.Select(report => (Median(runs * 4, () => html.RenderFragment(report)), Median(runs, () => pdf.Render(report)))).ToList();
    }

    /// <summary>Warm-up of at least 3 s, so the JIT has moved the code to its final tier (as in a service that has run for a while).</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>A method runs about 30 times before the JIT optimises it, and twice more with profiling on the way.</summary>
    private const int WarmUpRuns = 100;

    private static TimeSpan Median(int runs, Action action)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < Math.Max(5, runs / 5) || warm.Elapsed < WarmUp; i++)
        {
            action();
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return TimeSpan.FromMilliseconds(times[runs / 2]);
    }

    /// <summary>The median time of <paramref name="action"/>; <paramref name="before"/> runs before each, untimed.</summary>
    private static async Task<TimeSpan> MedianAsync(int runs, Func<Task> action, Action? before = null)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < Math.Max(5, runs / 5) || warm.Elapsed < WarmUp; i++)
        {
            before?.Invoke();
            await action();
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            before?.Invoke();
            var start = Stopwatch.GetTimestamp();
            await action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return TimeSpan.FromMilliseconds(times[runs / 2]);
    }

    /// <summary>8 clients, each with its own connection, requesting the same URL back to back for a fixed number of requests.</summary>
    private static async Task<string> ConcurrentAsync(string url)
    {
        const int clients = 8, each = 25;
        var warm = Enumerable.Range(0, clients).Select(_ => NewClient()).ToList();
        await Task.WhenAll(warm.Select(c => c.GetByteArrayAsync(url)));
        var wall = Stopwatch.StartNew();
        var times = (await Task.WhenAll(warm.Select(async c =>
        {
            var list = new List<double>(each);
            for (var i = 0; i < each; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await c.GetByteArrayAsync(url);
                list.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return list;
        }))).SelectMany(t => t).Order().ToList();
        wall.Stop();
        warm.ForEach(c => c.Dispose());
        double P(double p) => times[(int)Math.Min(times.Count - 1, p * times.Count)];
        return string.Create(CultureInfo.InvariantCulture, $"{P(0.5):0} ms / {P(0.95):0} ms / {times.Count / wall.Elapsed.TotalSeconds:0} req/s");
    }

    /// <summary>Other work on the machine moves every figure here: printed so a run can be judged.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static string Ms(TimeSpan t) => t.TotalMilliseconds < 1
        ? $"{t.TotalMicroseconds.ToString("0", CultureInfo.InvariantCulture)} µs"
        : $"{t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms";

    private static HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(60) };

    private static Process Start(string database) => ServiceProcess.Start(Port, database);

    private static Task WaitAsync(HttpClient client) => ServiceProcess.WaitAsync(client);
}
