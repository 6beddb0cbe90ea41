using System.Text;
using Microsoft.Data.Sqlite;
using SelfEval.Web.Cli;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Workbench;

namespace SelfEval.Web.Tests.Stores;

/// <summary>
/// The workbench's drafts and publications on real SQLite files: the check in the words of <c>validate</c>, publishing
/// that changes the running catalogue, and which version wins at start-up when the folder and the office both changed.
/// </summary>
public sealed class WorkbenchStoreTests : IDisposable
{
    private readonly TempFolder _temp = TestPaths.NewTempFolder();
    private readonly FakeClock _clock = new();

    public WorkbenchStoreTests()
    {
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.EnumerateFiles(TestPaths.TestQuestionnaires, "*.md"))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }
    }

    private string Folder => _temp.File("fragebogen");

    private string DatabasePath => _temp.File("selfeval.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    /// <summary>A service as it starts: the folder loaded, the database migrated, the office's publications applied.</summary>
    private (QuestionnaireCatalog Catalog, DraftStore Drafts, PublicationStore Publications, QuestionnaireVersionStore Versions) Start()
    {
        var db = new Database(DatabasePath);
        db.Migrate();
        var catalog = QuestionnaireCatalog.Load(Folder);
        var versions = new QuestionnaireVersionStore(db, catalog, _clock);
        var drafts = new DraftStore(db, catalog, _clock);
        var publications = new PublicationStore(db, catalog, versions, drafts, _clock);
        publications.ApplyAtStartup();
        return (catalog, drafts, publications, versions);
    }

    private string Aufbau => File.ReadAllText(Path.Combine(Folder, "test-aufbau.md"));

    private static string Reworded(string text, string version = "1.1") =>
        text.Replace("Sind die Ziele schriftlich festgehalten?", "Sind die Ziele irgendwo notiert?", StringComparison.Ordinal)
            .Replace("version: \"1.0\"", $"version: \"{version}\"", StringComparison.Ordinal);

    [Fact]
    public void A_draft_with_mistakes_is_saved_and_lists_them_in_the_words_of_validate_at_their_lines()
    {
        var (_, drafts, publications, _) = Start();
        var text = Aufbau.Replace("- weight: 2", "- weight: zwei", StringComparison.Ordinal).Replace("- scale: einigkeit", "- scale: einigkeiten", StringComparison.Ordinal);
        var path = _temp.File("test-aufbau.md");
        File.WriteAllText(path, text);

        var id = drafts.Create("test-aufbau.md", text, "anna");
        var draft = drafts.Load(id)!;

        var validate = new StringWriter();
        Commands.Run(["validate", path], validate, new StringWriter(), callerFolder: _temp.Path, defaultFolder: Folder);
        var expected = validate.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, expected.Length);
        Assert.Equal(expected, draft.Result.Errors.Select(e => e.ToString()));
        Assert.False(draft.CanPublish);
        Assert.Equal(text, drafts.Get(id)!.Text);

        var refused = publications.Publish(id, "anna");
        Assert.False(refused.Published);
        Assert.Equal(WorkbenchTexts.HasErrors, refused.Refusal);
        Assert.NotNull(drafts.Get(id)); // nothing lost
    }

    [Fact]
    public void A_new_guide_with_the_id_of_another_guide_is_refused_with_the_reason()
    {
        var (catalog, drafts, publications, _) = Start();
        var id = drafts.Create("test-neu.md", Aufbau, "anna");

        var draft = drafts.Load(id)!;
        var outcome = publications.Publish(id, "anna");

        Assert.False(outcome.Published);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("test-neu.md", error.Source);
        Assert.Contains("Die Fragebogen-ID 'test-aufbau' wird schon in test-aufbau.md verwendet.", error.Message, StringComparison.Ordinal);
        Assert.Equal(draft.Result.Errors, outcome.Errors);
        Assert.Equal(2, catalog.Questionnaires.Count);
    }

    [Fact]
    public void A_draft_in_the_file_of_another_guide_is_refused_with_the_reason()
    {
        var (catalog, drafts, publications, _) = Start();
        var text = Aufbau.Replace("id: test-aufbau", "id: test-ganz-neu", StringComparison.Ordinal);
        var id = drafts.Create("test-aufbau.md", text, "anna");

        var outcome = publications.Publish(id, "anna");

        Assert.False(outcome.Published);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((2, WorkbenchTexts.FileHoldsOtherGuide("test-aufbau.md", "test-aufbau", "test-ganz-neu")), (error.Line, error.Message));
        Assert.NotNull(catalog.Find("test-aufbau"));
    }

    [Fact]
    public void Publishing_stores_the_version_and_new_rounds_find_it_while_stored_rounds_keep_theirs()
    {
        var (catalog, drafts, publications, versions) = Start();
        var before = catalog.Find("test-aufbau")!;
        var oldVersion = versions.Ensure(before);
        var other = catalog.Find("test-wirkung")!;

        var id = drafts.Create("test-aufbau.md", Reworded(Aufbau), "anna");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var outcome = publications.Publish(id, "berta");

        Assert.True(outcome.Published, outcome.Refusal);
        var after = catalog.Find("test-aufbau")!;
        Assert.Same(outcome.Guide, after);
        Assert.Equal("1.1", after.Version);
        Assert.Equal("Sind die Ziele irgendwo notiert?", after.FindQuestion("test-ziele-schriftlich")!.Text);
        Assert.Same(other, catalog.Find("test-wirkung")); // the other guide is untouched
        Assert.Equal(["test-aufbau", "test-wirkung"], catalog.Questionnaires.Select(q => q.Id));
        Assert.Equal("Sind die Ziele schriftlich festgehalten?", versions.Get(oldVersion).FindQuestion("test-ziele-schriftlich")!.Text);
        Assert.Null(drafts.Get(id));

        var publication = Assert.Single(publications.Of("test-aufbau"));
        Assert.Equal(("berta", "1.1", after.Hash, "test-aufbau.md"), (publication.PublishedBy, publication.Version, publication.Hash, publication.FileName));
        Assert.Equal(QuestionnaireCatalog.FileHash(File.ReadAllBytes(Path.Combine(Folder, "test-aufbau.md"))), publication.FolderHash);
        Assert.True(publications.InForce(publication));
        Assert.Equal(2, versions.History("test-aufbau").Count);
    }

    [Fact]
    public void At_start_up_the_office_version_wins_while_the_folder_file_is_the_one_it_was_published_over()
    {
        var first = Start();
        first.Publications.Publish(first.Drafts.Create("test-aufbau.md", Reworded(Aufbau), "anna"), "anna");
        SqliteConnection.ClearAllPools();

        var (catalog, _, publications, _) = Start();

        Assert.Equal("1.1", catalog.Find("test-aufbau")!.Version);
        Assert.True(publications.InForce(publications.Latest().Single()));
    }

    [Fact]
    public void At_start_up_a_changed_folder_file_wins_and_the_office_publication_shows_as_replaced()
    {
        var first = Start();
        first.Publications.Publish(first.Drafts.Create("test-aufbau.md", Reworded(Aufbau), "anna"), "anna");
        File.WriteAllText(Path.Combine(Folder, "test-aufbau.md"), Aufbau.Replace("version: \"1.0\"", "version: \"2.0\"", StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();

        var (catalog, _, publications, _) = Start();

        Assert.Equal("2.0", catalog.Find("test-aufbau")!.Version);
        Assert.False(publications.InForce(publications.Latest().Single()));
    }

    [Fact]
    public void A_new_guide_published_by_the_office_comes_back_at_start_up_and_is_exported_as_a_file()
    {
        var first = Start();
        var text = Aufbau.Replace("id: test-aufbau", "id: test-dritter", StringComparison.Ordinal).Replace("title: Testaufbau", "title: Der dritte", StringComparison.Ordinal);
        var id = first.Drafts.Create("test-dritter.md", text, "anna");
        Assert.True(first.Publications.Publish(id, "anna").Published);
        first.Publications.Publish(first.Drafts.Create("test-aufbau.md", Reworded(Aufbau), "anna"), "anna");
        SqliteConnection.ClearAllPools();

        Assert.Equal("Der dritte", Start().Catalog.Find("test-dritter")!.Title);

        var export = _temp.File("export");
        Directory.CreateDirectory(export);
        File.WriteAllText(Path.Combine(export, "alt.md"), "---\nid: alt\n---\n");
        var output = new StringWriter();
        var code = Commands.Run(["export-questionnaires", "export", $"--SelfEval:DatabasePath={DatabasePath}", $"--SelfEval:QuestionnaireFolder={Folder}"], output, output, callerFolder: _temp.Path);

        Assert.True(code == 0, output.ToString());
        Assert.Contains("alt.md: Diese Datei lag schon im Ordner", output.ToString(), StringComparison.Ordinal);
        File.Delete(Path.Combine(export, "alt.md"));
        Assert.Equal(["angebote.md", "profil.md", "test-aufbau.md", "test-dritter.md", "test-wirkung.md"], Directory.GetFiles(export).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(text, File.ReadAllText(Path.Combine(export, "test-dritter.md"), Encoding.UTF8));
        Assert.Equal(Reworded(Aufbau), File.ReadAllText(Path.Combine(export, "test-aufbau.md")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, "profil.md")), File.ReadAllBytes(Path.Combine(export, "profil.md")));
        Assert.Contains("test-aufbau.md: veröffentlicht von anna", output.ToString(), StringComparison.Ordinal);

        // The exported folder is one the service starts with, and it starts with the office's versions.
        var exported = QuestionnaireCatalog.Load(export);
        Assert.Equal(Start().Catalog.Questionnaires.Select(q => q.Hash), exported.Questionnaires.Select(q => q.Hash));
    }

    [Fact]
    public void Export_refuses_a_database_that_does_not_exist()
    {
        var output = new StringWriter();
        var code = Commands.Run(["export-questionnaires", "export", $"--SelfEval:DatabasePath={_temp.File("gibt-es-nicht.db")}", $"--SelfEval:QuestionnaireFolder={Folder}"], output, output, callerFolder: _temp.Path);

        Assert.Equal(1, code);
        Assert.False(Directory.Exists(_temp.File("export")));
        Assert.False(File.Exists(_temp.File("gibt-es-nicht.db")));
    }
}
