using System.Diagnostics;

/// <summary>The real service as its own process on a local port, for the benches that measure it from outside.</summary>
internal static class ServiceProcess
{
    /// <param name="requestLog">False: the per-request log line (SelfEval.Requests, on by default) is not written.</param>
    public static Process Start(int port, string database, bool requestLog = true)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "SelfEval.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "--urls", $"http://127.0.0.1:{port}", $"--SelfEval:DatabasePath={database}", "--SelfEval:LinkRequestsPerMinute=100000000"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(web)!,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (!requestLog)
        {
            start.Environment["Logging__LogLevel__SelfEval.Requests"] = "Warning";
        }
        var process = Process.Start(start)!;
        // The service's output is copied as bytes, to SELFEVAL_BENCH_LOG=<file> (and <file>.stderr), to see why a request
        // failed, or to nowhere: where it runs, a file or the journal takes it. Read line by line, as it was, the bench
        // spent 50-60 µs of the two cores on each request's log line, which was counted against the service.
        var path = Environment.GetEnvironmentVariable("SELFEVAL_BENCH_LOG");
        Drain(process.StandardOutput.BaseStream, path is { Length: > 0 } ? path : null);
        Drain(process.StandardError.BaseStream, path is { Length: > 0 } ? path + ".stderr" : null);
        return process;
    }

    private static void Drain(Stream output, string? file)
    {
        var sink = file is null ? Stream.Null : new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        _ = output.CopyToAsync(sink).ContinueWith(_ => sink.Dispose(), TaskScheduler.Default);
    }

    /// <summary>Waits up to 2 minutes for the health check to answer (a start took over 30 s with two builds beside it).</summary>
    public static async Task WaitAsync(HttpClient client)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("server did not start");
    }
}
