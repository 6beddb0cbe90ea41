using Dapper;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Workbench;

/// <summary>One guide version the office published.</summary>
/// <param name="FolderHash">SHA-256 of the folder's file of that name the service ran on when it was published; null when the folder had none.</param>
public sealed record Publication(
    long Id, string QuestionnaireId, long VersionId, string Version, string Hash, string FileName, string Text, string? FolderHash,
    string PublishedBy, string PublishedAt);

/// <summary>What publishing a draft came to.</summary>
/// <param name="Guide">The guide new rounds now start with; null when refused.</param>
/// <param name="Refusal">Why nothing was published; null when it was.</param>
public sealed record PublishOutcome(Questionnaire? Guide, string? Refusal, IReadOnlyList<LoadError> Errors)
{
    public bool Published => Guide is not null;
}

/// <summary>What start-up did with the office's latest publication of a guide.</summary>
public enum StartupDecision
{
    /// <summary>The folder's file is still the one the office published over: the office's version is in force.</summary>
    OfficeVersion,

    /// <summary>The folder's file changed since (a new release): the folder's version is in force.</summary>
    FolderChanged,

    /// <summary>The office's version no longer loads with the other files in force (e.g. a new profile): the folder's is.</summary>
    NoLongerLoads,
}

/// <summary>
/// The guide versions the office publishes from its drafts, and how they come back at start-up. The folder
/// questionnaires/ is the source at start-up; the office's latest publication of a guide is put in place of the folder's
/// file as long as that file is still the one the office published over (same SHA-256). Once a release ships a changed
/// file, the folder wins, and the workbench shows the office's publication as replaced.
/// </summary>
public sealed class PublicationStore(Database db, QuestionnaireCatalog catalog, QuestionnaireVersionStore versions, DraftStore drafts, TimeProvider clock)
{
    // Check, store and swap happen one publication at a time: two offices' clicks never undo each other.
    private readonly Lock _publishing = new();

    /// <summary>
    /// Publishes a draft of a guide: checked against the files in force, stored as a version, recorded, the draft
    /// removed, and the running service's catalogue swapped, so new rounds start with it at once; rounds already
    /// started stay on their version.
    /// </summary>
    public PublishOutcome Publish(long draftId, string user)
    {
        lock (_publishing)
        {
            if (drafts.Load(draftId) is not { } draft)
            {
                return new PublishOutcome(null, WorkbenchTexts.DraftGone, []);
            }

            if (!draft.CanPublish)
            {
                return new PublishOutcome(null, WorkbenchTexts.HasErrors, draft.Result.Errors);
            }

            if (draft.Result.Kinds.GetValueOrDefault(draft.FileName) != FileKind.Questionnaire)
            {
                return new PublishOutcome(null, WorkbenchTexts.OnlyGuides, []);
            }

            var change = catalog.Prepare(draft.FileName, draft.Text);
            if (change.Guide is not { } guide)
            {
                return new PublishOutcome(null, WorkbenchTexts.HasErrors, change.Result.Errors);
            }

            var versionId = versions.Ensure(guide);
            var folderHash = catalog.Files.FirstOrDefault(f => f.Name == draft.FileName)?.FolderHash;
            using (var connection = db.Open())
            using (var transaction = connection.BeginTransaction())
            {
                connection.Execute(
                    """
                    INSERT INTO workbench_publications (questionnaire_id, version_id, file_name, text, folder_hash, published_by, published_at)
                    VALUES (@Id, @versionId, @FileName, @Text, @folderHash, @user, @At)
                    """,
                    new { guide.Id, versionId, draft.FileName, draft.Text, folderHash, user, At = clock.Stamp() }, transaction);
                connection.Execute("DELETE FROM workbench_drafts WHERE id = @draftId", new { draftId }, transaction);
                transaction.Commit();
            }

            if (!catalog.Commit(change))
            {
                // Only publishing changes the catalogue, and it holds the lock: this cannot happen unless that changes.
                throw new InvalidOperationException("The questionnaire catalogue changed while a guide was being published.");
            }

            return new PublishOutcome(guide, null, []);
        }
    }

    /// <summary>Every publication of a guide, the newest first.</summary>
    public IReadOnlyList<Publication> Of(string questionnaireId)
    {
        using var connection = db.Open();
        return connection.Query<Publication>(
            """
            SELECT p.id, p.questionnaire_id AS QuestionnaireId, p.version_id AS VersionId, v.version, v.hash, p.file_name AS FileName, p.text,
                   p.folder_hash AS FolderHash, p.published_by AS PublishedBy, p.published_at AS PublishedAt
            FROM workbench_publications p JOIN questionnaire_versions v ON v.id = p.version_id
            WHERE p.questionnaire_id = @questionnaireId ORDER BY p.id DESC
            """,
            new { questionnaireId }).AsList();
    }

    public Publication? Get(long id)
    {
        using var connection = db.Open();
        return connection.QuerySingleOrDefault<Publication>(
            """
            SELECT p.id, p.questionnaire_id AS QuestionnaireId, p.version_id AS VersionId, v.version, v.hash, p.file_name AS FileName, p.text,
                   p.folder_hash AS FolderHash, p.published_by AS PublishedBy, p.published_at AS PublishedAt
            FROM workbench_publications p JOIN questionnaire_versions v ON v.id = p.version_id
            WHERE p.id = @id
            """,
            new { id });
    }

    /// <summary>The office's latest publication of each guide, in the order they were published.</summary>
    public IReadOnlyList<Publication> Latest()
    {
        using var connection = db.Open();
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'workbench_publications'") == 0)
        {
            return []; // a read-only database of an older release: nothing was published in the workbench
        }

        return connection.Query<Publication>(
            """
            SELECT p.id, p.questionnaire_id AS QuestionnaireId, p.version_id AS VersionId, v.version, v.hash, p.file_name AS FileName, p.text,
                   p.folder_hash AS FolderHash, p.published_by AS PublishedBy, p.published_at AS PublishedAt
            FROM workbench_publications p JOIN questionnaire_versions v ON v.id = p.version_id
            WHERE p.id = (SELECT max(id) FROM workbench_publications WHERE questionnaire_id = p.questionnaire_id)
            ORDER BY p.id
            """).AsList();
    }

    /// <summary>
    /// Start-up: puts each guide's latest publication in place of the folder's file while that file is still the one
    /// the office published over (or, for a guide the office added, while the folder still has no file of that name).
    /// </summary>
    public IReadOnlyList<(Publication Publication, StartupDecision Decision)> ApplyAtStartup()
    {
        var decisions = new List<(Publication, StartupDecision)>();
        foreach (var publication in Latest())
        {
            var folderHash = catalog.Files.FirstOrDefault(f => f.Name == publication.FileName)?.FolderHash;
            if (folderHash != publication.FolderHash)
            {
                decisions.Add((publication, StartupDecision.FolderChanged));
                continue;
            }

            var (guide, _) = catalog.Replace(publication.FileName, publication.Text);
            decisions.Add((publication, guide?.Id == publication.QuestionnaireId ? StartupDecision.OfficeVersion : StartupDecision.NoLongerLoads));
        }

        return decisions;
    }

    /// <summary>Whether the office's publication is the text new rounds of its guide start with now.</summary>
    public bool InForce(Publication publication) =>
        catalog.FileOf(publication.QuestionnaireId) is { } file && file.Name == publication.FileName && DraftStore.TextHash(file.Text) == DraftStore.TextHash(publication.Text);
}
