using System.Globalization;
using System.Text.Json;
using Dapper;
using SelfEval.Web.Data;

namespace SelfEval.Web.Office;

/// <summary>One closed round of an initiative that agreed to the comparison, with its comparison groups.</summary>
public sealed record CohortRound(long AssessmentId, long RoundId, string Guide, int Year, string ClosedAt, bool Demo, RoundResult Result, IReadOnlyDictionary<string, string> Groups);

/// <summary>The groups the office may compare by, built from the profile; coarse on purpose.</summary>
public static class Groups
{
    public static readonly IReadOnlyList<(string Key, string Label)> Dimensions =
    [
        ("phase", "Phase"),
        ("ausrichtung", "Ausrichtung"),
        ("rechtsform", "Rechtsform"),
        ("radius", "Aktionsradius"),
        ("region", "Region"),
        ("gruendung", "Gründungszeitraum"),
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Value, string Label)>> Values = new Dictionary<string, IReadOnlyList<(string, string)>>
    {
        ["phase"] = [("gruendung", "in Gründung"), ("aufbau", "im Aufbau"), ("etabliert", "etabliert"), ("neuausrichtung", "in Neuausrichtung")],
        ["ausrichtung"] = [("politisch-strategisch", "politisch-strategisch"), ("praktisch-projektorientiert", "praktisch-projektorientiert"), ("mischform", "Mischform")],
        ["rechtsform"] = [("ohne-eigene", "ohne eigene Rechtsform"), ("ev", "e. V."), ("gmbh", "GmbH"), ("andere", "andere")],
        ["radius"] = [("lokal", "lokal"), ("regional", "regional"), ("landesweit", "landesweit"), ("laenderuebergreifend", "länderübergreifend")],
        ["region"] = [("nord", "Norden (SH, HH, HB, NI, MV)"), ("west", "Nordrhein-Westfalen"), ("mitte", "Mitte (HE, RP, SL)"), ("sued", "Süden (BW, BY)"), ("ost", "Osten (BE, BB, SN, ST, TH)")],
        ["gruendung"] = [("vor-2000", "vor 2000"), ("2000-2009", "2000–2009"), ("2010-2017", "2010–2017"), ("ab-2018", "ab 2018")],
    };

    public static string Label(string dimension, string value) =>
        Values.TryGetValue(dimension, out var values) ? values.FirstOrDefault(v => v.Value == value).Label ?? value : value;

    /// <summary>Maps raw profile answers to the coarse comparison groups.</summary>
    public static Dictionary<string, string> From(IReadOnlyDictionary<string, string> profile)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in new[] { "phase", "ausrichtung", "radius" })
        {
            if (profile.TryGetValue(key, out var v))
            {
                groups[key] = v;
            }
        }

        if (profile.TryGetValue("rechtsform", out var form))
        {
            groups["rechtsform"] = form switch { "ohne" or "dach" or "projekt" => "ohne-eigene", "ev" => "ev", "gmbh" => "gmbh", _ => "andere" };
        }

        if (profile.TryGetValue("land", out var land))
        {
            groups["region"] = land switch
            {
                "sh" or "hh" or "hb" or "ni" or "mv" => "nord",
                "nw" => "west",
                "he" or "rp" or "sl" => "mitte",
                "bw" or "by" => "sued",
                _ => "ost",
            };
        }

        if (profile.TryGetValue("gruendungsjahr", out var yearText) && decimal.TryParse(yearText, NumberStyles.Number, CultureInfo.InvariantCulture, out var year))
        {
            groups["gruendung"] = year < 2000 ? "vor-2000" : year < 2010 ? "2000-2009" : year < 2018 ? "2010-2017" : "ab-2018";
        }

        return groups;
    }
}

/// <summary>Reads the rounds that count for the comparison: closed, with consent given now.</summary>
public sealed class CohortReader(Database db, RoundResultStore results)
{
    private static readonly string[] ProfileKeys = ["phase", "ausrichtung", "rechtsform", "radius", "land", "gruendungsjahr"];

    public IReadOnlyList<CohortRound> Read()
    {
        if (!db.ReadOnly)
        {
            results.ComputeMissing();
        }

        using var connection = db.Open();
        var rows = connection.Query<(long AssessmentId, long RoundId, string Guide, string ClosedAt, long Demo, string Json)>(
            """
            SELECT a.id, r.id, rr.questionnaire_id, r.closed_at, a.is_demo, rr.results_json
            FROM rounds r
            JOIN assessments a ON a.id = r.assessment_id
            JOIN round_results rr ON rr.round_id = r.id
            WHERE r.closed_at IS NOT NULL AND a.comparison_opt_in = 1
            """).ToList();
        var profiles = connection.Query<(long RoundId, string QuestionId, string? ValueJson)>(
                """
                SELECT p.round_id, p.question_id, p.value_json
                FROM profile_answers p
                JOIN rounds r ON r.id = p.round_id
                JOIN assessments a ON a.id = r.assessment_id
                WHERE r.closed_at IS NOT NULL AND a.comparison_opt_in = 1 AND p.question_id IN @ProfileKeys
                """,
                new { ProfileKeys })
            .GroupBy(p => p.RoundId)
            .ToDictionary(g => g.Key, g => g.Where(p => p.ValueJson is not null).ToDictionary(p => p.QuestionId, p => Plain(p.ValueJson!)));
        return rows.Select(r => new CohortRound(
                r.AssessmentId, r.RoundId, r.Guide,
                Time.Parse(r.ClosedAt)!.Value.Year, r.ClosedAt, r.Demo != 0,
                JsonSerializer.Deserialize<RoundResult>(r.Json)!,
                Groups.From(profiles.GetValueOrDefault(r.RoundId) ?? new Dictionary<string, string>())))
            .ToList();
    }

    private static string Plain(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind switch
        {
            JsonValueKind.String => doc.RootElement.GetString()!,
            JsonValueKind.Number => doc.RootElement.GetRawText(),
            _ => string.Empty,
        };
    }
}
