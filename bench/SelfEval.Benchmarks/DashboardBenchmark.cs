using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using SelfEval.Web.Cli;
using SelfEval.Web.Data;

/// <summary>
/// The service office's dashboard over about 5,000 closed rounds: a demo network of that size in a
/// temporary database, the real service on 127.0.0.1, a logged-in client timing the page.
/// </summary>
internal static partial class DashboardBenchmark
{
    public static async Task<int> RunAsync(string repository, string[] args)
    {
        var initiatives = args.SkipWhile(a => a != "--initiatives").Skip(1).Select(int.Parse).FirstOrDefault(2650);
        var folder = Directory.CreateTempSubdirectory("selfeval-bench-");
        var database = Path.Combine(folder.FullName, "bench.db");
        var output = new StringWriter();
        var generate = Stopwatch.StartNew();
        DemoDataCommand.Run(["--initiatives", initiatives.ToString(CultureInfo.InvariantCulture), "--seed", "5"], database, Path.Combine(repository, "questionnaires"), output, output);
        Commands.Run(["add-office-user", "bench", "--password-stdin", "--database", database], output, output, stdin: new StringReader("benchmark-passwort"));
        long rounds, answers;
        using (var connection = new Database(database).Open())
        {
            rounds = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM rounds WHERE closed_at IS NOT NULL");
            answers = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM answers");
        }

        Console.WriteLine($"Demo network: {initiatives} initiatives, {rounds} closed rounds, {answers} answers (generated in {generate.Elapsed.TotalSeconds:0} s)");

        const int port = 5391;
        var web = Path.Combine(AppContext.BaseDirectory, "SelfEval.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "--urls", $"http://127.0.0.1:{port}", $"--SelfEval:DatabasePath={database}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(web)!,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var server = Process.Start(start)!;
        try
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            for (var i = 0; ; i++)
            {
                try
                {
                    if ((await client.GetAsync("/")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (i < 100)
                {
                }

                await Task.Delay(200);
            }

            var login = await client.GetStringAsync("/servicestelle/anmelden");
            var token = Antiforgery().Match(login).Groups[1].Value;
            var signedIn = await client.PostAsync("/servicestelle/anmelden", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Name", "bench"), new("Password", "benchmark-passwort")]));
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                Console.WriteLine("login failed");
                return 1;
            }

            Console.WriteLine();
            Console.WriteLine("| page | runs | median | p95 | size |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var url in new[] { "/servicestelle?leitfaden=wirkung-entfalten", "/servicestelle?leitfaden=sich-gut-aufstellen&aufteilen=region", "/servicestelle?leitfaden=wirkung-entfalten&phase=etabliert&vergleich=ausrichtung&a=politisch-strategisch&b=praktisch-projektorientiert", "/servicestelle?leitfaden=wirkung-entfalten&handler=Export&format=csv" })
            {
                var times = new List<double>();
                var size = 0;
                for (var i = 0; i < 23; i++)
                {
                    var t = Stopwatch.StartNew();
                    var body = await client.GetStringAsync(url);
                    if (i >= 3)
                    {
                        times.Add(t.Elapsed.TotalMilliseconds);
                    }

                    size = body.Length;
                }

                times.Sort();
                Console.WriteLine($"| `{url}` | {times.Count} | {times[times.Count / 2]:0} ms | {times[(int)(times.Count * 0.95)]:0} ms | {size / 1024} KiB |");
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        return 0;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
