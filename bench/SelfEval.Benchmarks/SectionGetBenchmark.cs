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
        var seconds = Option(args, "--seconds", 10);
        // Long enough for tiered compilation to finish on a busy machine: with one second the page was measured on
        // code the JIT had not yet optimised (libclrjit took a tenth of the service's CPU 30 s into the run), while
        // the minimal endpoint, a few methods, was already at its best; a service that has run a while is too.
        Warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 15));
        var folder = Directory.CreateTempSubdirectory("selfeval-section-");
        try
        {
            Console.WriteLine($"Section page GET · {clients} clients · {seconds} s each after {Warmup.TotalSeconds:0} s of warm-up · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · load average {LoadAverage()}");
            double minimal;
            await using (var app = Minimal())
            {
                await app.StartAsync();
                var urls = Enumerable.Range(0, clients).Select(_ => (new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{MinimalPort}") }, "/")).ToList();
                minimal = await HammerAsync("minimal Kestrel endpoint (\"ok\")", urls, seconds);
                await app.StopAsync();
            }

            // As deployed: one log line per request (SelfEval.Requests); then without it, like the minimal endpoint,
            // which logs nothing, to show what the log line costs on its own.
            var page = await PageAsync(Path.Combine(folder.FullName, "section.db"), clients, seconds, requestLog: true);
            Console.WriteLine($"| ratio | {100 * page / minimal:0.0} % of the minimal endpoint's throughput (target ≥ 8 %) |");
            var quiet = await PageAsync(Path.Combine(folder.FullName, "quiet.db"), clients, seconds, requestLog: false);
            Console.WriteLine($"| ratio without the request log | {100 * quiet / minimal:0.0} % |");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> PageAsync(string database, int clients, int seconds, bool requestLog)
    {
        using var server = ServiceProcess.Start(Port, database, requestLog);
        try
        {
            var (_, people) = await PrepareAsync(clients);
            var label = $"section page /a/{{token}}/{Sections[0]}{(requestLog ? string.Empty : ", request log off")}";
            return await HammerAsync(label, people.Select(p => (p.Client, $"/a/{p.Token}/{Sections[0]}")).ToList(), seconds, server);
        }
        finally
        {
            // Never leave the service running: a later run would talk to it and its deleted database.
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static TimeSpan Warmup = TimeSpan.FromSeconds(15);

    private static WebApplication Minimal()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{MinimalPort}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Text("ok"));
        return app;
    }

    /// <summary>Each client fetches its URL back to back for the given time; prints and returns requests per second.</summary>
    private static async Task<double> HammerAsync(string label, List<(HttpClient Client, string Url)> clients, int seconds, Process? server = null)
    {
        // Warm-up: every client once, then load until the JIT has optimised what the requests run and the connections are ready.
        await Task.WhenAll(clients.Select(c => c.Client.GetAsync(c.Url)));
        await RunAsync(clients, Warmup);
        var cpu = CpuTime(server);
        var own = Process.GetCurrentProcess().TotalProcessorTime;
        var (latencies, errors, elapsed) = await RunAsync(clients, TimeSpan.FromSeconds(seconds));
        cpu = CpuTime(server) - cpu;
        own = Process.GetCurrentProcess().TotalProcessorTime - own;
        var sorted = latencies.Order().ToList();
        double P(double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
        var throughput = sorted.Count / elapsed.TotalSeconds;
        // The service's own CPU time per request: unlike the throughput, it barely moves when other work shares the cores.
        // The bench's own CPU per request shows what the clients take from the two cores (for the minimal endpoint it
        // includes that server, which runs in the bench process).
        var perRequest = sorted.Count == 0 ? string.Empty
            : (server is null ? string.Empty : $" server CPU {cpu.TotalMilliseconds * 1000 / sorted.Count:0} µs per request |")
              + $" bench process CPU {own.TotalMilliseconds * 1000 / sorted.Count:0} µs per request |";
        Console.WriteLine($"| {label} | {throughput:0} req/s | p50 {P(0.5):0.0} ms | p95 {P(0.95):0.0} ms | errors {errors} |{perRequest}");
        return throughput;
    }

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
