using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;

namespace SelfEval.Web.Questionnaires;

/// <summary>
/// Keeps every answered guide version with its full sources, so an old round is shown and scored
/// against the text it was answered with, however the files in questionnaires/ change.
/// </summary>
public sealed class QuestionnaireVersionStore(Database db, QuestionnaireCatalog catalog, TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, Questionnaire> _cache = new();

    /// <summary>The id of the stored version of a loaded guide, storing it on first use.</summary>
    public long Ensure(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        using var connection = db.Open();
        var sources = questionnaire.Sources.ToList();
        if (catalog.Offers is { } offers)
        {
            sources.Add(offers.Source);
        }

        connection.Execute(
            """
            INSERT INTO questionnaire_versions (questionnaire_id, version, hash, sources_json, created_at)
            VALUES (@Id, @Version, @Hash, @Sources, @At)
            ON CONFLICT (hash) DO NOTHING
            """,
            new { questionnaire.Id, questionnaire.Version, questionnaire.Hash, Sources = JsonSerializer.Serialize(sources), At = clock.Stamp() });
        var id = connection.ExecuteScalar<long>("SELECT id FROM questionnaire_versions WHERE hash = @Hash", new { questionnaire.Hash });
        _cache.TryAdd(id, questionnaire);
        return id;
    }

    /// <summary>A stored version as the workbench lists it.</summary>
    public sealed record StoredVersion(long Id, string QuestionnaireId, string Version, string Hash, string CreatedAt);

    /// <summary>Every stored version of a guide, the newest first: what the service has offered (and rounds may still be on).</summary>
    public IReadOnlyList<StoredVersion> History(string questionnaireId)
    {
        using var connection = db.Open();
        return connection.Query<StoredVersion>(
            """
            SELECT id, questionnaire_id AS QuestionnaireId, version, hash, created_at AS CreatedAt
            FROM questionnaire_versions WHERE questionnaire_id = @questionnaireId ORDER BY id DESC
            """,
            new { questionnaireId }).AsList();
    }

    /// <summary>The guide file of a stored version (its first source) with its name, or null when there is no such version.</summary>
    public SourceText? GuideFile(long versionId)
    {
        using var connection = db.Open();
        var json = connection.QuerySingleOrDefault<string>("SELECT sources_json FROM questionnaire_versions WHERE id = @versionId", new { versionId });
        return json is null ? null : JsonSerializer.Deserialize<List<SourceText>>(json)!.FirstOrDefault();
    }

    /// <summary>The guide as it was answered; the running catalogue's copy when the text is unchanged.</summary>
    public Questionnaire Get(long versionId) => _cache.GetOrAdd(versionId, Load);

    private Questionnaire Load(long versionId)
    {
        using var connection = db.Open();
        var row = connection.QuerySingle<(string Hash, string SourcesJson)>(
            "SELECT hash, sources_json FROM questionnaire_versions WHERE id = @versionId", new { versionId });
        if (catalog.Questionnaires.FirstOrDefault(q => q.Hash == row.Hash) is { } current)
        {
            return current;
        }

        var sources = JsonSerializer.Deserialize<List<SourceText>>(row.SourcesJson)!;
        // Stored under the release it was answered with: later editions of the format do not apply to it.
        var result = QuestionnaireLoader.Load(sources.Select(s => SourceFile.FromText(s.Name, s.Text)), LoadScope.Stored);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Stored questionnaire version {versionId} no longer loads: {string.Join("; ", result.Errors)}");
        }

        return result.Questionnaires.Single();
    }
}
