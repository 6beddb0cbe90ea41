using System.Globalization;

namespace SelfEval.Web.Office;

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
