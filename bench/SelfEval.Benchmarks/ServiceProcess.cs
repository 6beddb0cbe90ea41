using System.Diagnostics;

/// <summary>The real service as its own process on a local port, for the benches that measure it from outside.</summary>
internal static class ServiceProcess
{
    /// <param name="requestLog">False: the per-request log line (SelfEval.Requests, on by default) is not written.</param>
    public static Process Start(int port, string database, bool requestLog = true)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "SelfEval.Web.dll");
        // The service writes its output straight to a file: SELFEVAL_BENCH_LOG=<file> to see why a request failed, else
        // /dev/null, as a deployment's journal or log file takes it. Piped into the bench and read there (line by line at
        // first, then as bytes), each request's log line cost the bench 20-60 µs of the two cores, counted against the
        // service. `exec` keeps the service's own process id, for its CPU time and for stopping it.
        var sink = Environment.GetEnvironmentVariable("SELFEVAL_BENCH_LOG") is { Length: > 0 } path ? path : "/dev/null";
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec \"$0\" \"$@\" >>\"$SELFEVAL_SINK\" 2>&1", "dotnet", web, "--urls", $"http://127.0.0.1:{port}", $"--SelfEval:DatabasePath={database}", "--SelfEval:LinkRequestsPerMinute=100000000"])
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
        };
        start.Environment["SELFEVAL_SINK"] = sink;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (!requestLog)
        {
            start.Environment["Logging__LogLevel__SelfEval.Requests"] = "Warning";
        }

        return Process.Start(start)!;
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
