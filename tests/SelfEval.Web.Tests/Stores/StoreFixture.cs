using Microsoft.Data.Sqlite;
using SelfEval.Scoring.Loading;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Tests.Stores;

/// <summary>A real SQLite file in a temporary folder, migrated, and the guides of a folder.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly TempFolder _folder = TestPaths.NewTempFolder();

    /// <summary>On the fixture guides (ids in <c>TestGuides</c>), which store tests answer.</summary>
    public StoreFixture()
        : this(TestPaths.TestQuestionnaires)
    {
    }

    /// <param name="questionnaireFolder">The guides to load: <c>TestPaths.TestQuestionnaires</c> for store tests (ids in <c>TestGuides</c>).</param>
    public StoreFixture(string questionnaireFolder)
    {
        Database = new Database(Path.Combine(_folder.Path, "daten", "test.db"));
        Database.Migrate();
        Catalog = QuestionnaireCatalog.Load(questionnaireFolder);
        Versions = new QuestionnaireVersionStore(Database, Catalog, Clock);
    }

    public FakeClock Clock { get; } = new();

    public Database Database { get; }

    public QuestionnaireCatalog Catalog { get; }

    public QuestionnaireVersionStore Versions { get; }

    public void Dispose()
    {
        Database.Dispose(); // the connections it keeps open for reads and saves
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
