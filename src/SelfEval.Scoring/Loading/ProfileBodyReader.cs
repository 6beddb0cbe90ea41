using System.Globalization;
using System.Text.RegularExpressions;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Loading;

/// <summary>The profile's body: its questions are never scored, and some of them declare the groups the office compares by.</summary>
internal sealed partial class ProfileBodyReader(ParsedFile file, string body, int lineOffset) : SectionBodyReader(file, body, lineOffset)
{
    // 'bis 1999', '2000 bis 2009', 'ab 2018': whole numbers, so that ranges meet without a gap.
    [GeneratedRegex(@"^(?:bis\s+(?<to>-?\d{1,12})|(?<from>-?\d{1,12})\s+bis\s+(?<to>-?\d{1,12})|ab\s+(?<from>-?\d{1,12}))$")]
    private static partial Regex RangePattern();

    protected override Owner QuestionOwner => Owner.ProfileQuestion;

    protected override void CheckQuestion(QuestionDraft q)
    {
        base.CheckQuestion(q);
        if (q.Type is { } type)
        {
            CheckComparison(q, type);
        }
    }

    private void CheckComparison(QuestionDraft q, QuestionType type)
    {
        var groupsLine = q.PropertyLines.GetValueOrDefault("groups");
        if (q.Compare is not { } compare)
        {
            // A 'compare' line that did not parse has been reported already.
            if (groupsLine > 0 && !q.PropertyLines.ContainsKey("compare"))
            {
                Errors.Add(groupsLine, "Die Eigenschaft 'groups' gehört zu 'compare': Ergänzen Sie '- compare: kennung: Bezeichnung' oder löschen Sie 'groups'.");
            }

            return;
        }

        if (File.ComparisonKeyLines.TryGetValue(compare.Key, out var first))
        {
            Errors.Add(compare.Line, $"Das Vergleichsmerkmal '{compare.Key}' ist doppelt (zuerst in Zeile {first}).");
            return;
        }

        File.ComparisonKeyLines[compare.Key] = compare.Line;
        if (type is not (QuestionType.Single or QuestionType.Number))
        {
            Errors.Add(compare.Line, $"Die Eigenschaft 'compare' gilt nur für Fragen vom Typ single und number, nicht für '{type.Name()}'.");
            return;
        }

        var groups = type == QuestionType.Single ? ChoiceGroups(q, groupsLine) : RangeGroups(q, compare, groupsLine);
        if (groups is not null)
        {
            File.Comparison.Add(new ComparisonDimension(compare.Key, compare.Label, q.Id, groups));
        }
    }

    /// <summary>Without 'groups' every option is a group of its own; with it, every option is in exactly one.</summary>
    private List<ComparisonGroup>? ChoiceGroups(QuestionDraft q, int groupsLine)
    {
        if (groupsLine == 0)
        {
            return q.Options.Select(o => new ComparisonGroup(o.Value, o.Label) { Options = [o.Value] }).ToList();
        }

        // Options that did not parse (or are missing) are reported already; judging the groups against them would only echo that.
        var optionsKnown = !q.HasOptionErrors && q.Options.Count >= 2;
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new List<ComparisonGroup>();
        var clean = !q.HasGroupErrors && optionsKnown;
        foreach (var group in q.Groups)
        {
            var members = new List<string>();
            foreach (var member in group.Members.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (q.Options.All(o => o.Value != member))
                {
                    clean = false;
                    if (optionsKnown)
                    {
                        Errors.Add(group.Line, $"Die Gruppe '{group.Value}' nennt die Antwort '{member}', die es bei dieser Frage nicht gibt. Möglich sind: {string.Join(", ", q.Options.Select(o => o.Value))}.");
                    }
                }
                else if (owners.TryGetValue(member, out var owner))
                {
                    clean = false;
                    Errors.Add(group.Line, owner == group.Value
                        ? $"Die Antwort '{member}' steht in der Gruppe '{group.Value}' doppelt."
                        : $"Die Antwort '{member}' steht in den Gruppen '{owner}' und '{group.Value}': Jede Antwort gehört zu genau einer Gruppe.");
                }
                else
                {
                    owners[member] = group.Value;
                    members.Add(member);
                }
            }

            groups.Add(new ComparisonGroup(group.Value, group.Label) { Options = members });
        }

        if (q.Groups.Count == 1 && !q.HasGroupErrors)
        {
            Errors.Add(groupsLine, "Unter 'groups' stehen mindestens zwei Gruppen: Mit einer einzigen Gruppe gibt es nichts zu vergleichen.");
            return null;
        }

        var homeless = q.Options.Where(o => !owners.ContainsKey(o.Value)).Select(o => o.Value).ToList();
        if (homeless.Count > 0 && !q.HasGroupErrors && optionsKnown)
        {
            Errors.Add(groupsLine, $"Diese Antworten gehören zu keiner Gruppe unter 'groups': {string.Join(", ", homeless)}. Jede Antwort gehört zu genau einer Gruppe.");
            clean = false;
        }

        return clean ? groups : null;
    }

    /// <summary>Ranges in ascending order: the first open below, the last open above, each starting right after the previous.</summary>
    private List<ComparisonGroup>? RangeGroups(QuestionDraft q, CompareLine compare, int groupsLine)
    {
        if (groupsLine == 0)
        {
            Errors.Add(compare.Line, $"Die Zahlenfrage '{q.Id}' braucht unter 'groups' Bereiche, z. B. '  - vor-2000: vor 2000 = bis 1999'.");
            return null;
        }

        var groups = new List<(ComparisonGroup Group, int Line)>();
        foreach (var line in q.Groups)
        {
            var match = RangePattern().Match(line.Members);
            decimal? Bound(string name) =>
                match.Groups[name].Success ? decimal.Parse(match.Groups[name].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;
            if (!match.Success)
            {
                Errors.Add(line.Line, $"Der Bereich '{FileParser.Shorten(line.Members)}' der Gruppe '{line.Value}' ist nicht lesbar: Schreiben Sie 'bis 1999', '2000 bis 2009' oder 'ab 2018' (ganze Zahlen).");
                continue;
            }

            var group = new ComparisonGroup(line.Value, line.Label) { From = Bound("from"), To = Bound("to") };
            if (group.From > group.To)
            {
                Errors.Add(line.Line, $"Der Bereich '{line.Members}' der Gruppe '{line.Value}' ist leer: Schreiben Sie die kleinere Zahl zuerst.");
                continue;
            }

            groups.Add((group, line.Line));
        }

        if (groups.Count != q.Groups.Count || q.HasGroupErrors)
        {
            return null; // the ranges cannot be judged together while one of them is unreadable
        }

        if (groups.Count == 1)
        {
            Errors.Add(groupsLine, "Unter 'groups' stehen mindestens zwei Gruppen: Mit einer einzigen Gruppe gibt es nichts zu vergleichen.");
            return null;
        }

        var errorsBefore = Errors.Errors.Count;
        if (groups[0].Group.From is not null)
        {
            Errors.Add(groups[0].Line, $"Die erste Gruppe '{groups[0].Group.Value}' muss mit 'bis' beginnen (z. B. 'bis 1999'), damit auch jede kleinere Zahl eine Gruppe hat.");
        }

        if (groups[^1].Group.To is not null)
        {
            Errors.Add(groups[^1].Line, $"Die letzte Gruppe '{groups[^1].Group.Value}' muss mit 'ab' beginnen (z. B. 'ab 2018'), damit auch jede größere Zahl eine Gruppe hat.");
        }

        foreach (var ((previous, _), (current, line)) in groups.Zip(groups.Skip(1)))
        {
            var both = $"'{previous.Value}' ({Range(previous)}) und '{current.Value}' ({Range(current)})";
            if (previous.To is not { } end || current.From is not { } start || start <= end)
            {
                Errors.Add(line, $"Die Gruppen {both} überschneiden sich: Jede Zahl gehört zu genau einer Gruppe; die Bereiche stehen aufsteigend untereinander.");
            }
            else if (start > end + 1)
            {
                var missing = start == end + 2 ? $"fehlt die Zahl {Number(end + 1)}" : $"fehlen die Zahlen {Number(end + 1)} bis {Number(start - 1)}";
                Errors.Add(line, $"Zwischen den Gruppen {both} {missing}: Jede Zahl gehört zu genau einer Gruppe.");
            }
        }

        return Errors.Errors.Count == errorsBefore ? groups.Select(g => g.Group).ToList() : null;
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Range(ComparisonGroup group) => (group.From, group.To) switch
    {
        (null, { } to) => $"bis {Number(to)}",
        ({ } from, null) => $"ab {Number(from)}",
        ({ } from, { } to) => $"{Number(from)} bis {Number(to)}",
        _ => string.Empty,
    };
}
