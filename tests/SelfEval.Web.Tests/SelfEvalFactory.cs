using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Data;

namespace SelfEval.Web.Tests;

/// <summary>The real application on its own temporary SQLite file, on the small fixture guides unless told otherwise.</summary>
/// <remarks>
/// Which guides the application loads is the test's choice, named where the factory is made:
/// <list type="bullet">
/// <item><c>new SelfEvalFactory()</c>, <see cref="With"/> and <see cref="WithTestGuides"/>: the small fixture guides in
/// <c>tests/fixtures/questionnaires/</c> (<see cref="TestGuides"/> names their ids). Every test of the infrastructure
/// (stores, links, answering, attacks, sharing, people, coordinator flows, the Teamgespräch, evidence, exports, one-time
/// forms, abuse limits, proxy, security, office login) runs on them: editing the real guides' content then never breaks
/// such a test, and <see cref="TestGuideIdsTests"/> sees that none names a production id.</item>
/// <item><see cref="WithProductionGuides"/> (or <see cref="ProductionGuidesFactory"/> as a class fixture): the guides in
/// <c>questionnaires/</c>, for tests of the guides' content and of the profile's wording against them, and for tests
/// that need the demo data (which writes answers to the production guides' ids); such a class is listed in
/// <see cref="TestGuideIdsTests.ContentTests"/> with its reason.</item>
/// </list>
/// </remarks>
public class SelfEvalFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = TestPaths.NewTempFolder();
    private readonly (string Key, string Value)[] _settings;

    /// <summary>The application on the fixture guides (a class fixture needs this constructor without arguments).</summary>
    public SelfEvalFactory()
        : this(TestPaths.TestQuestionnaires)
    {
    }

    protected SelfEvalFactory(string questionnaireFolder, params (string Key, string Value)[] settings)
    {
        _settings = [("SelfEval:QuestionnaireFolder", questionnaireFolder), .. settings];
    }

    /// <summary>The application on the fixture guides with settings of the test's own.</summary>
    public static SelfEvalFactory With(params (string Key, string Value)[] settings) => WithTestGuides(settings);

    /// <summary>The application on the small fixture guides (<see cref="TestGuides"/>), for tests of the infrastructure.</summary>
    public static SelfEvalFactory WithTestGuides(params (string Key, string Value)[] settings) =>
        new(TestPaths.TestQuestionnaires, settings);

    /// <summary>The application on the production guides in <c>questionnaires/</c>, for tests of their content.</summary>
    public static SelfEvalFactory WithProductionGuides(params (string Key, string Value)[] settings) =>
        new(TestPaths.Questionnaires, settings);

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

/// <summary>The application on the production guides, for a class fixture (which needs a constructor without arguments).</summary>
public sealed class ProductionGuidesFactory : SelfEvalFactory
{
    public ProductionGuidesFactory()
        : base(TestPaths.Questionnaires)
    {
    }
}
