using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Data;

namespace SelfEval.Web.Tests;

/// <summary>The real application on its own temporary SQLite file.</summary>
/// <remarks>
/// Which guides the application loads is the test's choice, named where the factory is made:
/// <list type="bullet">
/// <item><see cref="WithTestGuides"/>: the small fixture guides in <c>tests/fixtures/questionnaires/</c>
/// (<see cref="TestGuides"/> names their ids). Use them for every test of the infrastructure (stores, links,
/// attacks, sharing, people, coordinator flows, one-time forms, abuse limits, proxy, security, office
/// login): editing the real guides' content then never breaks such a test.</item>
/// <item><see cref="WithProductionGuides"/>: the guides in <c>questionnaires/</c>, for tests of the guides'
/// content and of the profile's wording against them, and for tests that need the demo data (which
/// writes answers to the production guides' ids).</item>
/// </list>
/// <c>new SelfEvalFactory()</c> and <see cref="With"/> still load the production guides, so the test classes
/// not yet moved to the fixtures keep working; a new test picks one of the two named factories.
/// </remarks>
public sealed class SelfEvalFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = TestPaths.NewTempFolder();
    private (string Key, string Value)[] _settings = [];

    /// <summary>The application with settings of the test's own (a class fixture needs the one constructor without arguments).</summary>
    public static SelfEvalFactory With(params (string Key, string Value)[] settings) => new() { _settings = settings };

    /// <summary>The application on the small fixture guides (<see cref="TestGuides"/>), for tests of the infrastructure.</summary>
    public static SelfEvalFactory WithTestGuides(params (string Key, string Value)[] settings) =>
        new() { _settings = [("SelfEval:QuestionnaireFolder", TestPaths.TestQuestionnaires), .. settings] };

    /// <summary>The application on the production guides in <c>questionnaires/</c>, for tests of their content.</summary>
    public static SelfEvalFactory WithProductionGuides(params (string Key, string Value)[] settings) =>
        new() { _settings = [("SelfEval:QuestionnaireFolder", TestPaths.Questionnaires), .. settings] };

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
