using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using SelfEval.Web.Data;

/// <summary>
/// Load and fault test against 127.0.0.1 only, bounded in time: 50 respondents saving answers in the
/// background for 60 s (after a warm-up of 30 s, not measured), then a check that the database holds exactly what
/// each was told was saved in either phase;
/// 8 concurrent PDF downloads; and a run in which the server is killed and restarted.
/// </summary>
internal static partial class LoadTest
{
    /// <summary>The service's port: 5393 for the section bench, 5396 for this one (<c>--port</c>).</summary>
    private static int Port = 5393;
    // Sections of "Wirkung entfalten" 2.0 asked of every established initiative (the load test failed with 404 after 1.x ids were renamed).
    private static readonly string[] Sections = ["stakeholder-zielgruppen", "ansprache", "kooperationen", "ergebnisse"];

    public static async Task<int> RunAsync(string[] args)
    {
        var respondents = Option(args, "--respondents", 50);
        var seconds = Option(args, "--seconds", 60);
        // Without it the first tens of seconds ran on code the JIT had not optimised yet (the section bench found
        // libclrjit at 14 % of the service's CPU 30-70 s into a run); a service that has run a while is past that.
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 30));
        // Its own port: run beside the section bench on the same port, its clients talked to the other bench's service
        // (whose start had taken the port) and the runs spoiled each other.
        Port = Option(args, "--port", 5396);
        if (PortTaken(Port))
        {
            Console.Error.WriteLine($"Port {Port} is in use (another bench?); choose another with --port.");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("selfeval-load-");
        var database = Path.Combine(folder.FullName, "load.db");
        try
        {
            using (var server = Start(database))
            {
                var (coordinator, people) = await PrepareAsync(respondents);
                Console.WriteLine($"Load: {respondents} respondents saving for {seconds} s after {warmup.TotalSeconds:0} s of warm-up against 127.0.0.1 ({Environment.ProcessorCount} cores)");
                Console.WriteLine($"  {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · .NET {Environment.Version} · load average {LoadAverage()}");
                var run = await SaveAsync(people, warmup, TimeSpan.FromSeconds(seconds), killAfter: null, server);
                var cpu = CpuTime(server) - run.CpuAtStart;
                Console.WriteLine($"  warm-up: {run.WarmupSaves} saves acknowledged (not measured), errors: {run.WarmupErrors}");
                Report(run, seconds);
                // The service's own CPU time per save: unlike latency and throughput, it barely moves when other work shares the cores.
                Console.WriteLine($"  server CPU {(run.Latencies.Count == 0 ? 0 : cpu.TotalMilliseconds * 1000 / run.Latencies.Count):0} µs per acknowledged save");
                Console.WriteLine(Verify(database, people));
                await PdfAsync(coordinator);
                server.Kill(entireProcessTree: true);
            }

            Console.WriteLine();
            Console.WriteLine("Fault: 20 respondents saving, the server killed (SIGKILL) after 8 s, then restarted.");
            using (var server = Start(database))
            {
                var (_, people) = await PrepareAsync(20);
                var run = await SaveAsync(people, TimeSpan.Zero, TimeSpan.FromSeconds(15), killAfter: TimeSpan.FromSeconds(8), server);
                Console.WriteLine($"  acknowledged before the kill: {run.Latencies.Count}, failed in flight: {run.Errors}");
                using var restarted = Start(database);
                await WaitAsync(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") });
                Console.WriteLine("  after restart: " + Verify(database, people));
                using var connection = new Database(database).Open();
                Console.WriteLine($"  PRAGMA integrity_check: {connection.ExecuteScalar<string>("PRAGMA integrity_check")}");
                restarted.Kill(entireProcessTree: true);
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static bool PortTaken(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpClient();
            probe.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;

    private static Process Start(string database) => ServiceProcess.Start(Port, database);

    private static Task WaitAsync(HttpClient client) => ServiceProcess.WaitAsync(client);

    private sealed record Person(string Token, HttpClient Client, string Antiforgery, Dictionary<string, Dictionary<string, string[]>> Options)
    {
        public ConcurrentDictionary<string, Dictionary<string, string>> Acknowledged { get; } = new();

        /// <summary>A save whose answer never arrived (the server died): it may or may not have been committed.</summary>
        public ConcurrentDictionary<string, Dictionary<string, string>> InFlight { get; } = new();
    }

    private static HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<(string Coordinator, List<Person> People)> PrepareAsync(int count)
    {
        var owner = NewClient();
        await WaitAsync(owner);
        var start = await owner.GetStringAsync("/start/wirkung-entfalten");
        var created = await owner.PostAsync("/start/wirkung-entfalten", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token().Match(start).Groups[1].Value), new("Nonce", Nonce().Match(start).Groups[1].Value),
            new("q.name", "Lasttest-Initiative"), new("q.phase", "etabliert"), new("q.ausrichtung", "mischform"), new("q.rechtsform", "ev"),
            new("q.land", "he"), new("q.radius", "regional"), new("q.personal", "gemischt"),
        ]));
        var coordinator = created.Headers.Location!.OriginalString[3..46];
        var invite = Invite().Match(await owner.GetStringAsync($"/k/{coordinator}")).Groups[1].Value;

        var people = new List<Person>();
        foreach (var _ in Enumerable.Range(0, count))
        {
            var client = NewClient();
            var join = await client.GetStringAsync(invite);
            var joined = await client.PostAsync(invite, new FormUrlEncodedContent([new("__RequestVerificationToken", Token().Match(join).Groups[1].Value), new("Nonce", Nonce().Match(join).Groups[1].Value)]));
            var token = joined.Headers.Location!.OriginalString[3..46];
            var options = new Dictionary<string, Dictionary<string, string[]>>();
            string antiforgery = string.Empty;
            foreach (var section in Sections)
            {
                var page = await client.GetStringAsync($"/a/{token}/{section}");
                antiforgery = Token().Match(page).Groups[1].Value;
                options[section] = Radio().Matches(page).GroupBy(m => m.Groups[1].Value)
                    .ToDictionary(g => g.Key, g => g.Select(m => m.Groups[2].Value).Where(v => !v.StartsWith("__", StringComparison.Ordinal)).ToArray()); // not "nicht relevant" nor "weiß nicht": the check compares stored values
            }

            people.Add(new Person(token, client, antiforgery, options));
        }

        return (coordinator, people);
    }

    /// <summary>The measured window's saves (latency, errors) and the service's CPU time when that window began.</summary>
    private sealed record Run(List<double> Latencies, int Errors, TimeSpan CpuAtStart, int WarmupSaves, int WarmupErrors);

    /// <summary>
    /// The clients save without pause for the warm-up and then the measured window; only saves sent within the window
    /// count for latency and throughput, but every acknowledged save of both phases is kept for the database check.
    /// </summary>
    private static async Task<Run> SaveAsync(List<Person> people, TimeSpan warmup, TimeSpan duration, TimeSpan? killAfter, Process server)
    {
        var latencies = new ConcurrentBag<double>();
        int errors = 0, warmupSaves = 0, warmupErrors = 0;
        var measuring = warmup <= TimeSpan.Zero;
        var cpuAtStart = measuring ? CpuTime(server) : TimeSpan.Zero;
        using var stop = new CancellationTokenSource(warmup + duration);
        if (!measuring)
        {
            _ = Task.Delay(warmup).ContinueWith(_ =>
            {
                cpuAtStart = CpuTime(server);
                Volatile.Write(ref measuring, true);
            }, TaskScheduler.Default);
        }

        if (killAfter is { } after)
        {
            _ = Task.Delay(warmup + after).ContinueWith(_ => server.Kill(entireProcessTree: true), TaskScheduler.Default);
        }

        await Task.WhenAll(people.Select((person, n) => Task.Run(async () =>
        {
            var random = new Random(n);
            var state = person.Options.ToDictionary(s => s.Key, s => s.Value.ToDictionary(q => q.Key, q => q.Value[0]));
            while (!stop.IsCancellationRequested)
            {
                var section = Sections[random.Next(Sections.Length)];
                var questions = person.Options[section];
                var question = questions.Keys.ElementAt(random.Next(questions.Count));
                state[section][question] = questions[question][random.Next(questions[question].Length)];
                var snapshot = new Dictionary<string, string>(state[section]);
                var form = snapshot.Select(q => new KeyValuePair<string, string>("q." + q.Key, q.Value)).Prepend(new("__RequestVerificationToken", person.Antiforgery));
                var t = Stopwatch.GetTimestamp();
                var measured = Volatile.Read(ref measuring);
                try
                {
                    var response = await person.Client.PostAsync($"/a/{person.Token}/{section}?handler=Autosave", new FormUrlEncodedContent(form));
                    var saved = response.IsSuccessStatusCode && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("saved").GetBoolean();
                    if (saved)
                    {
                        person.Acknowledged[section] = snapshot;
                        if (measured)
                        {
                            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                        }
                        else
                        {
                            Interlocked.Increment(ref warmupSaves);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref measured ? ref errors : ref warmupErrors);
                    }
                }
                catch (Exception) when (killAfter is not null)
                {
                    // The server is gone: this save may or may not have been committed. The client stops here.
                    person.InFlight[section] = snapshot;
                    Interlocked.Increment(ref errors);
                    return;
                }
            }
        })));
        return new Run([.. latencies], errors, cpuAtStart, warmupSaves, warmupErrors);
    }

    private static void Report(Run run, int seconds)
    {
        var sorted = run.Latencies.Order().ToList();
        double P(double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
        Console.WriteLine($"  saves acknowledged: {sorted.Count}, errors: {run.Errors}, throughput: {sorted.Count / (double)seconds:0} saves/s");
        Console.WriteLine($"  latency p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {(sorted.Count > 0 ? sorted[^1] : 0):0.0} ms");
    }

    /// <summary>Every answer a client was told was saved is in the database, with the value last acknowledged.</summary>
    private static string Verify(string database, List<Person> people)
    {
        using var connection = new Database(database).Open();
        int expected = 0, found = 0, newer = 0;
        foreach (var person in people)
        {
            var id = connection.ExecuteScalar<long>("SELECT id FROM respondents WHERE token_hash = @hash", new { hash = Tokens.Hash(person.Token) });
            var stored = connection.Query<(string Q, string V)>("SELECT question_id, value_json FROM answers WHERE respondent_id = @id", new { id })
                .ToDictionary(r => r.Q, r => JsonSerializer.Deserialize<string>(r.V)!);
            foreach (var (section, answers) in person.Acknowledged)
            {
                foreach (var (question, value) in answers)
                {
                    expected++;
                    if (stored.GetValueOrDefault(question) == value)
                    {
                        found++;
                    }
                    else if (person.InFlight.TryGetValue(section, out var pending) && pending.GetValueOrDefault(question) == stored.GetValueOrDefault(question))
                    {
                        newer++; // the unanswered last save was committed before the kill: newer, not lost
                    }
                }
            }
        }

        return $"  database check: {found} of {expected} acknowledged answers present with their last value, {newer} replaced by a later save that was committed but not answered, {expected - found - newer} lost";
    }

    private static async Task PdfAsync(string coordinator)
    {
        var times = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = NewClient();
            var t = Stopwatch.GetTimestamp();
            var bytes = await client.GetByteArrayAsync($"/k/{coordinator}/ergebnis?handler=Pdf");
            return (Ms: Stopwatch.GetElapsedTime(t).TotalMilliseconds, Size: bytes.Length);
        }));
        Console.WriteLine($"  8 concurrent PDF downloads: median {times.Select(t => t.Ms).Order().ElementAt(4):0} ms, slowest {times.Max(t => t.Ms):0} ms, {times[0].Size / 1024} KiB each");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Nonce\" value=\"([^\"]+)\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("id=\"einladungslink\" value=\"http://[^/]+(/e/[^\"]+)\"")]
    private static partial Regex Invite();

    [GeneratedRegex("type=\"radio\" id=\"[^\"]+\" name=\"q\\.([a-z0-9-]+)\" value=\"([^\"]+)\"")]
    private static partial Regex Radio();
}
