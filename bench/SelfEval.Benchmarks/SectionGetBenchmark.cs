using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// Issue 16's yardstick: a section page fetched through a personal link by 50 concurrent clients, beside a
/// minimal Kestrel endpoint on the same machine in the same run, so the ratio says how much of what the machine
/// can serve the page gets (target at least 8 %).
/// </summary>
internal static partial class LoadTest
{
    private const int MinimalPort = 5394;

    public static async Task<int> SectionGetAsync(string[] args)
    {
        var clients = Option(args, "--clients", 50);
        var seconds = Option(args, "--seconds", 5);
        var rounds = Option(args, "--rounds", 4);
        // Long enough for tiered compilation to finish: with one second the page was measured on code the JIT had not
        // yet optimised, while the minimal endpoint, a few methods, was already at its best; a service that has run a
        // while is too. 15 s was not enough either: on a quiet machine libclrjit still took 14 % of the service's CPU
        // 70 s after its start (0.2 % after 60 s of load), and the page measured 3.6-4.7 % instead of 6.9 %.
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 60));
        var folder = Directory.CreateTempSubdirectory("selfeval-section-");
        try
        {
            Console.WriteLine($"Section page GET · {clients} clients · {rounds} rounds of {seconds} s minimal endpoint, then {seconds} s page, after {warmup.TotalSeconds:0} s of warm-up · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · load average {LoadAverage()}");
            await using var app = Minimal();
            await app.StartAsync();
            var minimal = Enumerable.Range(0, clients).Select(_ => (new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{MinimalPort}") }, "/")).ToList();

            // As deployed: one log line per request (SelfEval.Requests); then without it, like the minimal endpoint,
            // which logs nothing, to show what the log line costs on its own.
            foreach (var requestLog in new[] { true, false })
            {
                using var server = ServiceProcess.Start(Port, Path.Combine(folder.FullName, requestLog ? "section.db" : "quiet.db"), requestLog);
                try
                {
                    var (_, people) = await PrepareAsync(clients);
                    var page = people.Select(p => (p.Client, $"/a/{p.Token}/{Sections[0]}")).ToList();
                    await Task.WhenAll(minimal.Concat(page).Select(c => c.Item1.GetAsync(c.Item2)));
                    await RunAsync(minimal, warmup / 4);
                    await RunAsync(page, warmup);

                    // Alternating windows: whatever else runs on the machine in a second slows both sides of a pair,
                    // so the ratio moves far less than two figures measured minutes apart.
                    var pairs = new List<(Window Minimal, Window Page)>();
                    for (var round = 0; round < rounds; round++)
                    {
                        pairs.Add((await MeasureAsync(minimal, seconds, server: null), await MeasureAsync(page, seconds, server)));
                    }

                    Report(requestLog, pairs);
                }
                finally
                {
                    // Never leave the service running: a later run would talk to it and its deleted database.
                    server.Kill(entireProcessTree: true);
                    await server.WaitForExitAsync();
                }
            }

            await app.StopAsync();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static WebApplication Minimal()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{MinimalPort}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Text("ok"));
        return app;
    }

    /// <summary>One measured window: requests answered, their latencies, and the CPU time each process spent.</summary>
    private sealed record Window(List<double> Latencies, int Errors, TimeSpan Elapsed, TimeSpan ServerCpu, TimeSpan BenchCpu)
    {
        public double Throughput => Latencies.Count / Elapsed.TotalSeconds;
    }

    private static async Task<Window> MeasureAsync(List<(HttpClient Client, string Url)> clients, int seconds, Process? server)
    {
        var cpu = CpuTime(server);
        var own = Process.GetCurrentProcess().TotalProcessorTime;
        var (latencies, errors, elapsed) = await RunAsync(clients, TimeSpan.FromSeconds(seconds));
        return new Window(latencies, errors, elapsed, CpuTime(server) - cpu, Process.GetCurrentProcess().TotalProcessorTime - own);
    }

    private static void Report(bool requestLog, List<(Window Minimal, Window Page)> pairs)
    {
        var label = $"section page /a/{{token}}/{Sections[0]}{(requestLog ? string.Empty : ", request log off")}";
        Console.WriteLine();
        Console.WriteLine($"{label}:");
        Console.WriteLine("| window | minimal endpoint | section page | ratio | server CPU per page |");
        Console.WriteLine("|---|---|---|---|---|");
        var i = 0;
        foreach (var (m, p) in pairs)
        {
            Console.WriteLine($"| {++i} | {m.Throughput:0} req/s | {p.Throughput:0} req/s | {100 * p.Throughput / m.Throughput:0.0} % | {PerRequest(p.ServerCpu, p.Latencies.Count)} µs |");
        }

        var minimal = Pool(pairs.Select(x => x.Minimal).ToList());
        var page = Pool(pairs.Select(x => x.Page).ToList());
        var ratios = pairs.Select(x => x.Page.Throughput / x.Minimal.Throughput).Order().ToList();
        var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2;
        // The service's own CPU time per request: unlike the throughput, it barely moves when other work shares the cores.
        // The bench's own CPU per request shows what the clients take from the two cores (for the minimal endpoint it
        // includes that server, which runs in the bench process).
        Console.WriteLine($"| minimal Kestrel endpoint (\"ok\"), all windows | {minimal.Throughput:0} req/s | p50 {P(minimal, 0.5):0.0} ms | p95 {P(minimal, 0.95):0.0} ms | errors {minimal.Errors} | bench process CPU {PerRequest(minimal.BenchCpu, minimal.Latencies.Count)} µs per request |");
        Console.WriteLine($"| {label}, all windows | {page.Throughput:0} req/s | p50 {P(page, 0.5):0.0} ms | p95 {P(page, 0.95):0.0} ms | errors {page.Errors} | server CPU {PerRequest(page.ServerCpu, page.Latencies.Count)} µs per request | bench process CPU {PerRequest(page.BenchCpu, page.Latencies.Count)} µs per request |");
        Console.WriteLine($"| ratio{(requestLog ? string.Empty : " without the request log")} | {100 * page.Throughput / minimal.Throughput:0.0} % of the minimal endpoint's throughput over all windows, median of the windows {100 * median:0.0} % (target ≥ 8 %) |");
    }

    private static Window Pool(List<Window> windows) => new(
        [.. windows.SelectMany(w => w.Latencies).Order()], windows.Sum(w => w.Errors),
        TimeSpan.FromTicks(windows.Sum(w => w.Elapsed.Ticks)), TimeSpan.FromTicks(windows.Sum(w => w.ServerCpu.Ticks)), TimeSpan.FromTicks(windows.Sum(w => w.BenchCpu.Ticks)));

    private static double P(Window sorted, double p) =>
        sorted.Latencies.Count == 0 ? 0 : sorted.Latencies[(int)Math.Min(sorted.Latencies.Count - 1, p * sorted.Latencies.Count)];

    private static string PerRequest(TimeSpan cpu, int requests) => requests == 0 ? "-" : $"{cpu.TotalMilliseconds * 1000 / requests:0}";

    /// <summary>User and system CPU time the process has used so far (from /proc; zero where there is none).</summary>
    private static TimeSpan CpuTime(Process? process)
    {
        if (process is null || !File.Exists($"/proc/{process.Id}/stat"))
        {
            return TimeSpan.Zero;
        }

        // Fields 14 and 15 (utime, stime) in clock ticks of 1/100 s, after the command name in parentheses.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromMilliseconds(10.0 * (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> RunAsync(List<(HttpClient Client, string Url)> clients, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<int, int>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await c.Client.GetAsync(c.Url);
                await response.Content.ReadAsByteArrayAsync();
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                }
            }
        })));
        if (!statuses.IsEmpty)
        {
            Console.WriteLine("  refused: " + string.Join(", ", statuses.OrderBy(x => x.Key).Select(x => $"{x.Value}× HTTP {x.Key}")));
        }

        return ([.. latencies], errors, clock.Elapsed);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
