using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Data;

namespace SelfEval.Web.Tests;

/// <summary>The real application on its own temporary SQLite file.</summary>
public sealed class SelfEvalFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = TestPaths.NewTempFolder();
    private (string Key, string Value)[] _settings = [];

    /// <summary>The application with settings of the test's own (a class fixture needs the one constructor without arguments).</summary>
    public static SelfEvalFactory With(params (string Key, string Value)[] settings) => new() { _settings = settings };

    public string DatabasePath => Path.Combine(_folder.Path, "selfeval.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SelfEval:DatabasePath", DatabasePath);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Database Database => Services.GetRequiredService<Database>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
