using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SelfEval.Web.Tests.Upgrades;

/// <summary>The service as an operator starts it: its own process on a free loopback port.</summary>
internal sealed partial class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(string databasePath, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["SelfEval__DatabasePath"] = databasePath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _address.TrySetException(new InvalidOperationException("the service ended before listening:\n" + Output + Errors));
                return;
            }

            lock (_out)
            {
                _out.AppendLine(e.Data);
            }

            if (Listening().Match(e.Data) is { Success: true } m)
            {
                _address.TrySetResult(m.Groups[1].Value);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_err)
            {
                _err.AppendLine(e.Data);
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static ServiceProcess Start(string databasePath) => new(databasePath, "--urls", "http://127.0.0.1:0");

    public static ServiceProcess Run(string databasePath, params string[] args) => new(databasePath, args);

    public string Output
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_err)
            {
                return _err.ToString();
            }
        }
    }

    /// <summary>The address it listens on, once it does.</summary>
    public Task<string> Address => _address.Task.WaitAsync(TimeSpan.FromSeconds(90));

    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
