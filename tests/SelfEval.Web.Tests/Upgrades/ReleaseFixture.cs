using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SelfEval.Web.Tests.Upgrades;

/// <summary>
/// A database filled by an earlier release through its real pages (tests/fixtures/releases/&lt;version&gt;/),
/// with the manifest that says what it holds. The fixture file itself is never opened for writing.
/// </summary>
public sealed class ReleaseFixture
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private ReleaseFixture(string folder, Manifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    public string Folder { get; }

    public Manifest Manifest { get; }

    public string DatabaseFile => Path.Combine(Folder, "selfeval.db");

    public static string Root => Path.Combine(TestPaths.Repository, "tests", "fixtures", "releases");

    /// <summary>Every release that left a fixture; each later release adds one.</summary>
    public static IEnumerable<object[]> Releases() =>
        Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(v => new object[] { v! });

    public static ReleaseFixture Load(string release)
    {
        var folder = Path.Combine(Root, release);
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(folder, "manifest.json")), Json)!;
        return new ReleaseFixture(folder, manifest);
    }

    /// <summary>A private copy to start a release on.</summary>
    public string CopyTo(string folder)
    {
        var target = Path.Combine(folder, "selfeval.db");
        File.Copy(DatabaseFile, target);
        return target;
    }

    /// <summary>
    /// Every stored answer of every respondent as the fixture's own release wrote it, read with that
    /// release's schema (all releases so far keep answers in one table of this shape).
    /// </summary>
    public IReadOnlyList<AnswerRow> Answers()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection.Query<AnswerRow>(
            """
            SELECT a.respondent_id AS RespondentId, a.question_id AS QuestionId, a.value_json AS ValueJson,
                   a.not_relevant AS NotRelevant, a.justification AS Justification
            FROM answers a ORDER BY a.respondent_id, a.question_id
            """).ToList();
    }

    /// <summary>The profile answers per round, read the same way.</summary>
    public IReadOnlyList<ProfileRow> ProfileAnswers()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection.Query<ProfileRow>(
            "SELECT round_id AS RoundId, question_id AS QuestionId, value_json AS ValueJson FROM profile_answers ORDER BY round_id, question_id").ToList();
    }

    public sealed record AnswerRow(long RespondentId, string QuestionId, string? ValueJson, long NotRelevant, string? Justification);

    public sealed record ProfileRow(long RoundId, string QuestionId, string? ValueJson);
}

public sealed record Manifest(
    string Release,
    string Commit,
    IReadOnlyList<FixtureInitiative> Initiatives,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> OfficeCounts,
    IReadOnlyList<string> DemoCoordinatorLinks,
    IReadOnlyList<FixtureOfficeUser> OfficeUsers,
    IReadOnlyDictionary<string, int> Counts);

public sealed record FixtureInitiative(
    string Key,
    string Name,
    string? Guide,
    bool Deleted,
    bool OptIn,
    string CoordinatorLink,
    string InvitationLink,
    string? ReplacedInvitationLink,
    IReadOnlyList<FixturePersonalLink>? PersonalLinks,
    IReadOnlyList<FixtureRound>? Rounds,
    IReadOnlyList<string>? NotRelevant);

public sealed record FixturePersonalLink(string? Label, int Round, string Link);

public sealed record FixtureRound(int Number, bool Closed, int Respondents);

public sealed record FixtureOfficeUser(string Name, string Password);
