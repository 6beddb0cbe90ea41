using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Workbench;

/// <summary>A draft as stored: one questionnaire file being edited by the office.</summary>
/// <param name="QuestionnaireId">The guide id the text declared when last saved; null when it declares none.</param>
/// <param name="BasedOnHash">SHA-256 of the published text the draft started from (<see cref="DraftStore.TextHash"/>); null for a new file.</param>
public sealed record Draft(
    long Id, string? QuestionnaireId, string FileName, string Text, string? BasedOnHash,
    string CreatedBy, string CreatedAt, string UpdatedBy, string UpdatedAt);

/// <summary>
/// The office's drafts, and the check that loads one with the published files. Publishing is
/// <see cref="PublicationStore"/>'s; the preview and the comparison read drafts through <see cref="IDraftLoader"/>.
/// </summary>
public sealed partial class DraftStore(Database db, QuestionnaireCatalog catalog, TimeProvider clock) : IDraftLoader
{
    /// <summary>A new draft of <paramref name="fileName"/>; it remembers the published text of that file it starts from.</summary>
    public long Create(string fileName, string text, string user)
    {
        text = Normalise(text);
        var basedOn = catalog.Files.FirstOrDefault(f => f.Name == fileName) is { } file ? TextHash(file.Text) : null;
        var at = clock.Stamp();
        using var connection = db.Open();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO workbench_drafts (questionnaire_id, file_name, text, based_on_hash, created_by, created_at, updated_by, updated_at)
            VALUES (@Id, @fileName, @text, @basedOn, @user, @at, @user, @at)
            RETURNING id
            """,
            new { Id = DeclaredId(text), fileName, text, basedOn, user, at });
    }

    public Draft? Get(long id)
    {
        using var connection = db.Open();
        return connection.QuerySingleOrDefault<Draft>(
            """
            SELECT id, questionnaire_id AS QuestionnaireId, file_name AS FileName, text, based_on_hash AS BasedOnHash,
                   created_by AS CreatedBy, created_at AS CreatedAt, updated_by AS UpdatedBy, updated_at AS UpdatedAt
            FROM workbench_drafts WHERE id = @id
            """,
            new { id });
    }

    /// <summary>Every draft, the most recently changed first.</summary>
    public IReadOnlyList<Draft> All()
    {
        using var connection = db.Open();
        return connection.Query<Draft>(
            """
            SELECT id, questionnaire_id AS QuestionnaireId, file_name AS FileName, text, based_on_hash AS BasedOnHash,
                   created_by AS CreatedBy, created_at AS CreatedAt, updated_by AS UpdatedBy, updated_at AS UpdatedAt
            FROM workbench_drafts ORDER BY updated_at DESC, id DESC
            """).AsList();
    }

    /// <summary>Saves a new text, whatever errors it has (they are shown, and they keep it from being published).</summary>
    /// <param name="expected">
    /// The stored text this save was based on: when given, the save only happens while the draft still holds it, so two
    /// people saving at once cannot overwrite each other unseen (the comparison is in the UPDATE, so nothing slips between).
    /// </param>
    /// <returns>False when the draft no longer exists or no longer holds <paramref name="expected"/>.</returns>
    public bool Save(long id, string text, string user, string? expected = null)
    {
        text = Normalise(text);
        using var connection = db.Open();
        return connection.Execute(
            """
            UPDATE workbench_drafts SET text = @text, questionnaire_id = @Declared, updated_by = @user, updated_at = @At
            WHERE id = @id AND (@expected IS NULL OR text = @expected)
            """,
            new { id, text, Declared = DeclaredId(text), user, At = clock.Stamp(), expected }) == 1;
    }

    public bool Delete(long id)
    {
        using var connection = db.Open();
        return connection.Execute("DELETE FROM workbench_drafts WHERE id = @id", new { id }) == 1;
    }

    public CheckedDraft? Load(long draftId) => Get(draftId) is { } draft ? Check(draft.Id, draft.FileName, draft.Text) : null;

    /// <summary>
    /// Loads <paramref name="text"/> in place of the file <paramref name="fileName"/> together with every other file in
    /// force, as the service loads its folder at start-up: the errors are the loader's (the same words as
    /// <c>validate</c>), plus what would go wrong only at publishing (a file name that holds another guide).
    /// </summary>
    public CheckedDraft Check(long draftId, string fileName, string text)
    {
        var result = catalog.LoadWith(fileName, text);
        var kind = result.Kinds.GetValueOrDefault(fileName, FileKind.Questionnaire);
        var declared = DeclaredId(text);
        var extra = new List<LoadError>();
        if (!IsFileName(fileName))
        {
            extra.Add(new LoadError(fileName, 1, WorkbenchTexts.BadFileName(fileName)));
        }

        if (catalog.Files.FirstOrDefault(f => f.Name == fileName) is { } held)
        {
            if (held.Kind != kind)
            {
                extra.Add(new LoadError(fileName, 1, WorkbenchTexts.FileOfOtherKind(fileName, held.Kind, kind)));
            }
            else if (kind == FileKind.Questionnaire && held.GuideId is { } heldId && declared is not null && declared != heldId)
            {
                extra.Add(new LoadError(fileName, IdLine(text), WorkbenchTexts.FileHoldsOtherGuide(fileName, heldId, declared)));
            }
        }

        if (extra.Count > 0)
        {
            result = result with { Questionnaires = [], Offers = null, Errors = [.. result.Errors, .. extra] };
        }

        var guide = kind == FileKind.Questionnaire
            ? result.Questionnaires.FirstOrDefault(q => q.Sources[0].Name == fileName)
            : result.Questionnaires.FirstOrDefault();
        var publishedId = guide?.Id ?? (kind == FileKind.Questionnaire ? declared : null);
        return new CheckedDraft(draftId, fileName, text, result, guide, result.Offers, publishedId is null ? null : catalog.Find(publishedId));
    }

    /// <summary>SHA-256 of a text as the workbench stores it: how a draft remembers what it started from.</summary>
    public static string TextHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(text))));

    /// <summary>Browsers send a text area's lines with CR LF; the files use LF, and so does every stored text.</summary>
    public static string Normalise(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>The names the folder reads and a browser download keeps: lower case, digits, '-' and '_', ending in .md.</summary>
    public static bool IsFileName(string name) => FileNamePattern().IsMatch(name);

    /// <summary>The <c>id:</c> of the front matter, read without loading: a draft with errors still says which guide it is.</summary>
    public static string? DeclaredId(string text)
    {
        var lines = Normalise(text).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return null;
        }

        foreach (var line in lines.Skip(1))
        {
            if (line.TrimEnd() == "---")
            {
                break;
            }

            if (IdPattern().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value.Trim().Trim('"', '\'');
            }
        }

        return null;
    }

    private static int IdLine(string text)
    {
        var lines = Normalise(text).Split('\n');
        var index = Array.FindIndex(lines, l => IdPattern().IsMatch(l));
        return index < 0 ? 1 : index + 1;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]*\.md$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^id:\s*(\S.*)$")]
    private static partial Regex IdPattern();
}
