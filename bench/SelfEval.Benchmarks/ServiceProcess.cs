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
        // SELFEVAL_BENCH_LOG=<file> keeps the service's warnings and errors, to see why a request failed.
        var log = Environment.GetEnvironmentVariable("SELFEVAL_BENCH_LOG") is { Length: > 0 } path ? TextWriter.Synchronized(File.AppendText(path)) : null;
        process.OutputDataReceived += (_, e) => log?.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => log?.WriteLine(e.Data);
        process.Exited += (_, _) => log?.Dispose();
        process.EnableRaisingEvents = log is not null;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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
