using System.Globalization;
using System.Text.RegularExpressions;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Loading;

/// <summary>What a property list belongs to. A property names the owners it is allowed on.</summary>
[Flags]
internal enum Owner
{
    None = 0,
    GuideQuestion = 1,
    ProfileQuestion = 2,
    Section = 4,
    Offer = 8,
    Question = GuideQuestion | ProfileQuestion,
}

/// <summary>The edition of the format that introduced a requirement; see <see cref="LoadScope.Stored"/>.</summary>
internal enum Edition { First = 1, Second = 2 }

/// <summary>One written property: its key, its value after the colon, its line, and the items of an indented list under it.</summary>
internal sealed record PropertyValue(string Key, string Text, int Line, IReadOnlyList<(int Line, string Text)>? Items);

/// <summary>What a property's parser may look at besides its value: the file (its scales) and where to report.</summary>
internal sealed record PropertyContext(ParsedFile File)
{
    public ErrorSink Errors => File.Errors;
}

/// <summary>
/// One property of the format: where it may be written and how its value is read. Everything the loader
/// says about property keys (which are allowed, which are misplaced, which are miscased, which are missing)
/// comes from <see cref="PropertyTable.All"/>, so a new property is one entry there.
/// </summary>
internal sealed record PropertyDefinition(string Key, Owner Owners)
{
    /// <summary>Only meaningful on a scored question (scale, yesno of a guide); refused elsewhere.</summary>
    public bool ScoredOnly { get; init; }

    /// <summary>Every scored question needs it; the text says what to write (e.g. "innen oder aussen").</summary>
    public string? RequiredOnScored { get; init; }

    /// <summary>The edition that made it required: older stored versions are not held to later requirements.</summary>
    public Edition RequiredSince { get; init; } = Edition.First;

    /// <summary>Its value is an indented list below the key rather than the rest of the line.</summary>
    public bool Nested { get; init; }

    public Action<PropertyContext, QuestionDraft, PropertyValue>? Question { get; init; }

    public Action<PropertyContext, SectionDraft, PropertyValue>? Section { get; init; }

    public Action<PropertyContext, SupportOfferDraft, PropertyValue>? Offer { get; init; }
}

internal static partial class PropertyTable
{
    // Where the office keeps initiatives without an answer; a declared group must not take it.
    public const string NoAnswerGroup = "ohne-angabe";

    /// <summary>Every property, in the order the messages list them.</summary>
    public static readonly IReadOnlyList<PropertyDefinition> All =
    [
        new("type", Owner.Question) { Question = (c, q, v) => q.Type = Lookup(c, v, ModelNames.Types, $"Unbekannter Fragetyp '{v.Text}'. Erlaubt sind: {string.Join(", ", ModelNames.Types.Keys)}.") },
        new("scale", Owner.Question) { Question = ReadScale },
        new("levels", Owner.GuideQuestion) { Nested = true, Question = ReadLevels },
        new("options", Owner.Question) { Nested = true, Question = ReadOptions },
        new("required", Owner.Question) { Question = (c, q, v) => q.Required = ReadYesNo(c, v) ?? q.Required },
        new("not-relevant", Owner.Question) { Question = (c, q, v) => q.AllowsNotRelevant = ReadYesNo(c, v) ?? q.AllowsNotRelevant },
        new("dont-know", Owner.Question) { Question = (c, q, v) => q.AllowsDontKnow = ReadYesNo(c, v) ?? q.AllowsDontKnow },
        new("weight", Owner.Question | Owner.Section)
        {
            ScoredOnly = true,
            Question = (c, q, v) => q.Weight = ReadWeight(c, v) ?? q.Weight,
            Section = (c, s, v) => s.Weight = ReadWeight(c, v) ?? s.Weight,
        },
        new("aspect", Owner.Question)
        {
            ScoredOnly = true,
            RequiredOnScored = "einigkeit, ressourcen oder kontext",
            Question = (c, q, v) => q.Aspect = Lookup(c, v, ModelNames.Aspects, $"Unbekannter Aspekt '{v.Text}'. Erlaubt sind: einigkeit, ressourcen, kontext."),
        },
        new("dimension", Owner.Question)
        {
            ScoredOnly = true,
            RequiredOnScored = "innen oder aussen",
            Question = (c, q, v) => q.Dimension = Lookup(c, v, ModelNames.Dimensions, $"Unbekannte Dimension '{v.Text}'. Erlaubt sind: innen, aussen."),
        },
        new("measures", Owner.Question)
        {
            ScoredOnly = true,
            RequiredOnScored = "practice oder result",
            RequiredSince = Edition.Second,
            Question = (c, q, v) => q.Measures = Lookup(c, v, ModelNames.Measures,
                $"Unbekannter Wert '{v.Text}' für 'measures'. Erlaubt sind: practice (die Frage beschreibt, wie die Initiative arbeitet) und result (die Frage beschreibt, was sie erreicht hat)."),
        },
        new("reverse", Owner.Question) { ScoredOnly = true, Question = (c, q, v) => q.Reverse = ReadYesNo(c, v) ?? q.Reverse },
        new("hint", Owner.Question) { ScoredOnly = true, RequiredOnScored = "einen Unterstützungshinweis", Question = (_, q, v) => q.Hint = v.Text },
        new("offer", Owner.Question) { Question = ReadMainOffer },
        new("offers", Owner.Question) { Question = (_, q, v) => q.Offers.AddRange(Ids(v)) },
        new("source", Owner.Question | Owner.Section | Owner.Offer)
        {
            Question = (c, q, v) => q.SourceRef = ReadSource(c, v),
            Section = (c, s, v) => s.SourceRef = ReadSource(c, v),
            Offer = (c, o, v) => o.SourceRef = ReadSource(c, v),
        },
        new("when", Owner.Question | Owner.Section)
        {
            Question = (c, q, v) => q.Condition = ReadCondition(c, v),
            Section = (c, s, v) => s.Condition = ReadCondition(c, v),
        },
        new("min", Owner.Question) { Question = (c, q, v) => q.Min = ReadNumber(c, v) },
        new("max", Owner.Question) { Question = (c, q, v) => q.Max = ReadNumber(c, v) },

        // Only the profile declares comparison groups: the office compares by profile facts, never by a guide's answers.
        new("compare", Owner.ProfileQuestion) { Question = ReadCompare },
        new("groups", Owner.ProfileQuestion) { Nested = true, Question = ReadGroups },

        new("provider", Owner.Offer) { Offer = (_, o, v) => o.Provider = v.Text },
        new("contact", Owner.Offer) { Offer = ReadContact },
        new("since", Owner.Offer) { Offer = ReadSince },
        new("phases", Owner.Offer) { Offer = (_, o, v) => o.Phases.AddRange(Ids(v)) },
        new("guide", Owner.Offer) { Offer = (_, o, v) => o.Guides.AddRange(Ids(v)) },
    ];

    private static readonly Dictionary<string, PropertyDefinition> ByKey = All.ToDictionary(p => p.Key, StringComparer.Ordinal);

    // A property allowed on an owner without a parser for it would fail on the first file that uses it;
    // checked when the table is first used, so any test run finds the entry that lacks one.
    private static readonly bool Complete = All.All(p =>
        ((p.Owners & Owner.Question) == 0 || p.Question is not null)
        && (!p.Owners.HasFlag(Owner.Section) || p.Section is not null)
        && (!p.Owners.HasFlag(Owner.Offer) || p.Offer is not null))
        ? true
        : throw new InvalidOperationException("A property of PropertyTable.All is allowed on an owner it has no parser for.");

    private static readonly Dictionary<string, string> ByLowerKey = All.ToDictionary(p => p.Key, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static PropertyDefinition? Find(string key) => Complete ? ByKey.GetValueOrDefault(key) : null;

    /// <summary>The keys allowed on an owner, in table order.</summary>
    public static IEnumerable<string> KeysFor(Owner owner) => All.Where(p => p.Owners.HasFlag(owner)).Select(p => p.Key);

    /// <summary>'Type' for 'type': the key as the format spells it when only the case differs, else null.</summary>
    public static string? Miscased(string key) => ByLowerKey.TryGetValue(key, out var known) && key != known ? known : null;

    public static bool IsKey(string key) => ByKey.ContainsKey(key);

    /// <summary>How the messages call an owner's kind, in the plural: "Für Fragen sind erlaubt".</summary>
    public static string Plural(Owner owner) => string.Join(" und ", new[]
    {
        ((owner & Owner.Question) != 0, "Fragen"),
        ((owner & Owner.Section) != 0, "Abschnitte"),
        ((owner & Owner.Offer) != 0, "Angebote"),
    }.Where(o => o.Item1).Select(o => o.Item2));

    /// <summary>Why a known key may not stand on this owner, naming the fix.</summary>
    public static string NotHere(PropertyDefinition property, Owner owner)
    {
        if (owner == Owner.GuideQuestion && property.Owners.HasFlag(Owner.ProfileQuestion))
        {
            return $"Die Eigenschaft '{property.Key}' gibt es nur in der Profildatei (kind: profile): Die Servicestelle vergleicht nur nach Profilangaben.";
        }

        if (owner == Owner.ProfileQuestion && property.Owners.HasFlag(Owner.GuideQuestion))
        {
            return $"Die Eigenschaft '{property.Key}' gibt es nur in Leitfäden, nicht in der Profildatei: Profilfragen werden nicht bewertet.";
        }

        return $"Die Eigenschaft '{property.Key}' gibt es nur für {Plural(property.Owners)}. Für {Plural(owner)} sind erlaubt: {string.Join(", ", KeysFor(owner))}.";
    }

    public static string Unknown(string key, Owner owner) =>
        $"Unbekannte Eigenschaft '{key}'. Für {Plural(owner)} sind erlaubt: {string.Join(", ", KeysFor(owner))}.";

    /// <summary>A one-line property written with an indented list below it.</summary>
    public static string NotNested(string key, Owner owner)
    {
        var lists = All.Where(p => p.Nested && p.Owners.HasFlag(owner)).Select(p => $"'{p.Key}'").ToList();
        return lists.Count switch
        {
            0 => $"Die Eigenschaft '{key}' besteht aus einer Zeile, ohne eingerückte Liste darunter.",
            1 => $"Die Eigenschaft '{key}' besteht aus einer Zeile; nur {lists[0]} hat eine eingerückte Liste.",
            _ => $"Die Eigenschaft '{key}' besteht aus einer Zeile; nur {string.Join(", ", lists[..^1])} und {lists[^1]} haben eine eingerückte Liste.",
        };
    }

    [GeneratedRegex(@"^\d{3}:\d+(-\d+)?(\s*,\s*\d{3}:\d+(-\d+)?)*$")]
    private static partial Regex SourcePattern();

    [GeneratedRegex(@"^https?://[^\s/]+\.[^\s]+$")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex MailPattern();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2]))?$")]
    private static partial Regex SincePattern();

    private static T? Lookup<T>(PropertyContext c, PropertyValue v, IReadOnlyDictionary<string, T> known, string unknown)
        where T : struct
    {
        if (known.TryGetValue(v.Text, out var value))
        {
            return value;
        }

        c.Errors.Add(v.Line, unknown);
        return null;
    }

    private static IEnumerable<LocatedId> Ids(PropertyValue v) =>
        v.Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(id => new LocatedId(id, v.Line));

    private static bool? ReadYesNo(PropertyContext c, PropertyValue v)
    {
        switch (v.Text)
        {
            case "ja": return true;
            case "nein": return false;
            default:
                c.Errors.Add(v.Line, $"Der Wert '{v.Text}' für '{v.Key}' ist ungültig: erlaubt sind ja und nein.");
                return null;
        }
    }

    private static decimal? ReadWeight(PropertyContext c, PropertyValue v)
    {
        if (decimal.TryParse(v.Text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && weight > 0)
        {
            return weight;
        }

        c.Errors.Add(v.Line, $"Das Gewicht '{v.Text}' ist keine positive Zahl.");
        return null;
    }

    private static decimal? ReadNumber(PropertyContext c, PropertyValue v)
    {
        if (decimal.TryParse(v.Text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        c.Errors.Add(v.Line, $"Der Wert '{v.Text}' für '{v.Key}' ist keine Zahl.");
        return null;
    }

    private static string? ReadSource(PropertyContext c, PropertyValue v)
    {
        if (SourcePattern().IsMatch(v.Text))
        {
            return v.Text;
        }

        c.Errors.Add(v.Line, $"Die Quellenangabe '{v.Text}' hat nicht die Form '000:4014-4015' (Datei:Zeile-Zeile, mehrere durch Komma getrennt).");
        return null;
    }

    private static LocatedCondition? ReadCondition(PropertyContext c, PropertyValue v)
    {
        if (ConditionParser.TryParse(v.Text, out var condition, out var problem))
        {
            return new LocatedCondition(condition, v.Line);
        }

        c.Errors.Add(v.Line, $"Die Bedingung '{v.Text}' ist nicht lesbar: {problem}");
        return null;
    }

    private static void ReadScale(PropertyContext c, QuestionDraft q, PropertyValue v)
    {
        if (c.File.Scales.TryGetValue(v.Text, out var scale))
        {
            q.Scale = scale;
            return;
        }

        var known = c.File.Scales.Count == 0 ? "Im Front Matter ist keine Skala definiert." : $"Definiert sind: {string.Join(", ", c.File.Scales.Keys)}.";
        c.Errors.Add(v.Line, $"Unbekannte Antwortskala '{v.Text}'. {known}");
    }

    private static void ReadMainOffer(PropertyContext c, QuestionDraft q, PropertyValue v)
    {
        var ids = Ids(v).ToList();
        if (ids.Count != 1)
        {
            c.Errors.Add(v.Line, "Unter 'offer' steht genau ein Angebot: das, das hier am besten hilft. Weitere passende Angebote nennen Sie unter 'offers'.");
            return;
        }

        q.MainOffer = ids[0];
    }

    private static void ReadContact(PropertyContext c, SupportOfferDraft o, PropertyValue v)
    {
        if (LinkPattern().IsMatch(v.Text) || MailPattern().IsMatch(v.Text))
        {
            o.Contact = v.Text;
            return;
        }

        c.Errors.Add(v.Line, $"Die Kontaktangabe '{v.Text}' ist weder eine E-Mail-Adresse noch ein Link: Schreiben Sie z. B. 'servicestelle@example.de' oder 'https://www.example.de/angebot'.");
    }

    private static void ReadSince(PropertyContext c, SupportOfferDraft o, PropertyValue v)
    {
        if (SincePattern().IsMatch(v.Text))
        {
            o.Since = v.Text;
            return;
        }

        c.Errors.Add(v.Line, $"Die Angabe 'since: {v.Text}' ist nicht lesbar: Schreiben Sie das Jahr (z. B. 2019) oder Jahr und Monat (z. B. 2019-04).");
    }

    private static void ReadCompare(PropertyContext c, QuestionDraft q, PropertyValue v)
    {
        var colon = v.Text.IndexOf(':');
        var key = colon < 0 ? v.Text : v.Text[..colon].Trim();
        var label = colon < 0 ? string.Empty : v.Text[(colon + 1)..].Trim();
        if (FileParser.IdPattern().IsMatch(key) && label.Length > 0)
        {
            q.Compare = new CompareLine(key, label, v.Line);
            return;
        }

        c.Errors.Add(v.Line, "Die Eigenschaft 'compare' hat nicht die Form '- compare: kennung: Bezeichnung', z. B. '- compare: region: Region' (kennung aus Kleinbuchstaben, Ziffern und Bindestrichen).");
    }

    private static void ReadOptions(PropertyContext c, QuestionDraft q, PropertyValue v)
    {
        if (v.Text.Length > 0 || v.Items is null)
        {
            c.Errors.Add(v.Line, "Unter 'options:' folgt eine eingerückte Liste der Antworten, z. B. '  - ev: eingetragener Verein (e. V.)'.");
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (itemLine, text) in v.Items)
        {
            var colon = text.IndexOf(':');
            var value = colon < 0 ? string.Empty : text[..colon].Trim();
            var label = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
            if (FileParser.Invisible(value, $"Die Antwort '{value}'", "Löschen Sie sie und tippen Sie sie neu.") is { } invisible)
            {
                q.HasOptionErrors = true;
                c.Errors.Add(itemLine, invisible);
                continue;
            }

            if (!FileParser.IdPattern().IsMatch(value) || label.Length == 0)
            {
                q.HasOptionErrors = true;
                c.Errors.Add(itemLine, $"Die Antwort '{FileParser.Shorten(text)}' hat nicht die Form '- wert: Bezeichnung' (wert aus Kleinbuchstaben, Ziffern und Bindestrichen).");
                continue;
            }

            if (seen.TryGetValue(value, out var first))
            {
                q.HasOptionErrors = true;
                c.Errors.Add(itemLine, $"Die Antwort '{value}' ist in dieser Frage doppelt (zuerst in Zeile {first}).");
                continue;
            }

            seen[value] = itemLine;
            q.Options.Add(new AnswerOption(value, label, null));
        }
    }

    /// <summary>Own levels, worst first: whole numbers, ascending, each with a description of what one observes.</summary>
    private static void ReadLevels(PropertyContext c, QuestionDraft q, PropertyValue v)
    {
        q.Levels = [];
        if (v.Text.Length > 0 || v.Items is null)
        {
            q.HasLevelErrors = true;
            c.Errors.Add(v.Line, "Unter 'levels:' folgt eine eingerückte Liste der Stufen, die schlechteste zuerst, z. B. '  - 0: Es gibt keine schriftlich festgehaltenen Ziele.'");
            return;
        }

        var seen = new Dictionary<int, int>();
        int? previous = null;
        foreach (var (itemLine, text) in v.Items)
        {
            var colon = text.IndexOf(':');
            var valueText = colon < 0 ? text.Trim() : text[..colon].Trim();
            var description = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
            if (colon > 0 && decimal.TryParse(valueText.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                && !int.TryParse(valueText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                q.HasLevelErrors = true;
                c.Errors.Add(itemLine, $"Die Stufe {valueText} ist keine ganze Zahl: Zählen Sie die Stufen mit ganzen Zahlen, z. B. 0, 1, 2.");
                continue;
            }

            if (colon < 0 || !int.TryParse(valueText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                q.HasLevelErrors = true;
                c.Errors.Add(itemLine, $"Die Stufe '{FileParser.Shorten(text)}' hat nicht die Form '- Zahl: Beschreibung' mit einer ganzen Zahl, z. B. '- 0: Es gibt keine schriftlich festgehaltenen Ziele.'");
                continue;
            }

            if (description.Length == 0)
            {
                q.HasLevelErrors = true;
                c.Errors.Add(itemLine, $"Die Stufe {value} hat keine Beschreibung: Beschreiben Sie nach dem Doppelpunkt, woran man diese Stufe erkennt.");
                continue;
            }

            if (seen.TryGetValue(value, out var first))
            {
                q.HasLevelErrors = true;
                c.Errors.Add(itemLine, $"Die Stufe {value} ist doppelt (zuerst in Zeile {first}).");
                continue;
            }

            seen[value] = itemLine;
            if (previous is { } before && value < before)
            {
                q.HasLevelErrors = true;
                c.Errors.Add(itemLine, $"Die Stufe {value} steht nach der Stufe {before}: Schreiben Sie die Stufen aufsteigend, die schlechteste (kleinste Zahl) zuerst.");
            }

            previous = value;
            q.Levels.Add(new AnswerOption(value.ToString(CultureInfo.InvariantCulture), description, value));
        }

        if (q.Levels.Count < 2 && !q.HasLevelErrors)
        {
            q.HasLevelErrors = true;
            c.Errors.Add(v.Line, "Unter 'levels' stehen mindestens zwei Stufen, die schlechteste zuerst.");
        }
    }

    private static void ReadGroups(PropertyContext c, QuestionDraft q, PropertyValue v)
    {
        if (v.Text.Length > 0 || v.Items is null)
        {
            q.HasGroupErrors = true;
            c.Errors.Add(v.Line, "Unter 'groups:' folgt eine eingerückte Liste der Gruppen, z. B. '  - nord: Norden = sh, hh, hb' oder bei Zahlen '  - vor-2000: vor 2000 = bis 1999'.");
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (itemLine, text) in v.Items)
        {
            // The label may hold a colon; the members never hold '=', so the last one divides.
            var colon = text.IndexOf(':');
            var equals = text.LastIndexOf('=');
            var value = colon < 0 ? string.Empty : text[..colon].Trim();
            var label = colon < 0 || equals < colon ? string.Empty : text[(colon + 1)..equals].Trim();
            var members = colon < 0 || equals < colon ? string.Empty : text[(equals + 1)..].Trim();
            if (!FileParser.IdPattern().IsMatch(value) || label.Length == 0 || members.Length == 0)
            {
                q.HasGroupErrors = true;
                c.Errors.Add(itemLine, $"Die Gruppe '{FileParser.Shorten(text)}' hat nicht die Form '- kennung: Bezeichnung = …', z. B. '- nord: Norden = sh, hh, hb' oder '- vor-2000: vor 2000 = bis 1999' (kennung aus Kleinbuchstaben, Ziffern und Bindestrichen).");
                continue;
            }

            if (seen.TryGetValue(value, out var first))
            {
                q.HasGroupErrors = true;
                c.Errors.Add(itemLine, $"Die Gruppe '{value}' ist doppelt (zuerst in Zeile {first}).");
                continue;
            }

            seen[value] = itemLine;
            if (value == NoAnswerGroup)
            {
                q.HasGroupErrors = true;
                c.Errors.Add(itemLine, $"Die Kennung '{NoAnswerGroup}' ist für Initiativen ohne Angabe vorbehalten: Wählen Sie für die Gruppe eine andere.");
                continue;
            }

            q.Groups.Add(new GroupLine(value, label, members, itemLine));
        }
    }
}
