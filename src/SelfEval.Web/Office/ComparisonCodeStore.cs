using System.Security.Cryptography;
using System.Text;
using Dapper;
using SelfEval.Web.Data;

namespace SelfEval.Web.Office;

public enum CodeRedemption
{
    Joined,
    AlreadyJoined,
    Unknown,
    UsedForThisGuide,
}

/// <summary>
/// One-time comparison codes. The office prints a batch and hands the codes to the network's initiatives
/// without recording who got which; the service keeps only hashes and never shows a code again. A code
/// stands for one initiative: it may serve that initiative's assessment of each guide once.
/// </summary>
public sealed class ComparisonCodeStore(Database db, TimeProvider clock)
{
    // Crockford's base32: no I, L, O, U, so a code read aloud or from paper is typed right.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int MaxBatch = 500;

    /// <summary>A new batch of codes (12 characters, 60 random bits each), returned once and stored as hashes.</summary>
    public IReadOnlyList<string> Issue(int count, bool demo = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxBatch);
        var codes = Enumerable.Range(0, count).Select(_ => NewCode()).ToList();
        using var connection = db.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var code in codes)
        {
            connection.Execute(
                "INSERT INTO comparison_codes (code_hash, issued_at, is_demo) VALUES (@hash, @now, @demo)",
                new { hash = Hash(code), now = clock.Stamp(), demo = demo ? 1 : 0 },
                transaction);
        }

        transaction.Commit();
        return codes;
    }

    /// <summary>Enters a code for an assessment; refuses a code that another assessment of the same guide already uses.</summary>
    public CodeRedemption Redeem(long assessmentId, string input)
    {
        var normalised = Normalise(input);
        if (normalised is null)
        {
            return CodeRedemption.Unknown;
        }

        using var connection = db.Open();
        using var transaction = connection.BeginTransaction();
        var codeId = connection.ExecuteScalar<long?>("SELECT id FROM comparison_codes WHERE code_hash = @hash", new { hash = Hash(normalised) }, transaction);
        if (codeId is null)
        {
            return CodeRedemption.Unknown;
        }

        var assessment = connection.QuerySingle<(string Guide, long? CodeId)>(
            "SELECT questionnaire_id, comparison_code_id FROM assessments WHERE id = @assessmentId", new { assessmentId }, transaction);
        if (assessment.CodeId == codeId)
        {
            return CodeRedemption.AlreadyJoined;
        }

        var taken = connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM assessments WHERE comparison_code_id = @codeId AND questionnaire_id = @guide AND id <> @assessmentId",
            new { codeId, guide = assessment.Guide, assessmentId },
            transaction);
        if (taken > 0)
        {
            return CodeRedemption.UsedForThisGuide;
        }

        connection.Execute("UPDATE assessments SET comparison_code_id = @codeId WHERE id = @assessmentId", new { codeId, assessmentId }, transaction);
        transaction.Commit();
        return CodeRedemption.Joined;
    }

    public bool HasCode(long assessmentId)
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long?>("SELECT comparison_code_id FROM assessments WHERE id = @assessmentId", new { assessmentId }) is not null;
    }

    /// <summary>All the office may know: how many codes were issued and how many are in use (demo codes left out).</summary>
    public (int Issued, int Used) Counts()
    {
        using var connection = db.Open();
        return connection.QuerySingle<(int, int)>(
            """
            SELECT (SELECT COUNT(*) FROM comparison_codes WHERE is_demo = 0),
                   (SELECT COUNT(DISTINCT a.comparison_code_id) FROM assessments a JOIN comparison_codes c ON c.id = a.comparison_code_id WHERE c.is_demo = 0)
            """);
    }

    /// <summary>Upper case, without spaces and dashes, with the letters people confuse mapped as Crockford does.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var c in input.ToUpperInvariant())
        {
            var mapped = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (mapped is ' ' or '-')
            {
                continue;
            }

            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            text.Append(mapped);
        }

        return text.Length == 12 ? text.ToString() : null;
    }

    /// <summary>The code as printed: three groups of four.</summary>
    public static string Format(string code) => $"{code[..4]}-{code[4..8]}-{code[8..]}";

    private static string NewCode()
    {
        var bytes = RandomNumberGenerator.GetBytes(12);
        return new string(bytes.Select(b => Alphabet[b % 32]).ToArray());
    }

    private static byte[] Hash(string normalised) => SHA256.HashData(Encoding.ASCII.GetBytes("comparison-code:" + normalised));
}
