using System.Globalization;
using SelfEval.Scoring.Model;
using YamlDotNet.RepresentationModel;

namespace SelfEval.Scoring.Loading;

/// <summary>Reads a file's front matter: which kind of file it is, its metadata, scales, bands and renamed ids.</summary>
internal static class FrontMatterReader
{
    private static readonly Dictionary<FileKind, string[]> FrontMatterKeys = new()
    {
        [FileKind.Questionnaire] = ["kind", "id", "version", "title", "subtitle", "description", "audience", "minutes", "checklist", "scales", "bands", "renamed"],
        [FileKind.Profile] = ["kind", "id", "version", "title", "description", "renamed"],
        [FileKind.Offers] = ["kind", "id", "title", "description", "date"],
    };

    public static void Read(ParsedFile file, FrontMatter fm)
    {
        var kindText = fm.Has("kind") ? fm.String("kind", required: false) : "questionnaire";
        switch (kindText)
        {
            case "questionnaire": file.Kind = FileKind.Questionnaire; break;
            case "profile": file.Kind = FileKind.Profile; break;
            case "offers": file.Kind = FileKind.Offers; break;
            case null: break;
            default:
                file.Errors.Add(fm.LineOf("kind"), $"Unbekannte Dateiart 'kind: {kindText}'. Erlaubt sind questionnaire, profile und offers.");
                break;
        }

        var allowed = FrontMatterKeys[file.Kind];
        foreach (var key in fm.Keys.Where(k => !allowed.Contains(k)))
        {
            file.Errors.Add(fm.LineOf(key), $"Unbekannte Angabe '{key}' im Front Matter. Erlaubt sind: {string.Join(", ", allowed)}.");
        }

        file.Id = fm.String("id", required: true);
        file.IdLine = fm.LineOf("id");
        if (file.Id is not null && !FileParser.IdPattern().IsMatch(file.Id))
        {
            file.Errors.Add(fm.LineOf("id"), FileParser.Invisible(file.Id, $"Die id '{file.Id}'", "Löschen Sie die ID und tippen Sie sie neu.")
                ?? $"Die id '{file.Id}' ist ungültig: erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche.");
        }

        file.Title = fm.String("title", required: true);
        file.Description = fm.String("description", required: file.Kind == FileKind.Questionnaire);
        if (file.Kind == FileKind.Offers)
        {
            ReadDate(file, fm);
            return;
        }

        file.Version = fm.String("version", required: true);
        if (file.Kind == FileKind.Profile)
        {
            ReadRenamed(file, fm); // renamed option values of profile questions
            return;
        }

        file.Subtitle = fm.String("subtitle", required: false);
        file.Audience = fm.String("audience", required: true);
        file.Minutes = fm.PositiveInt("minutes", required: true);
        file.Checklist = fm.YesNo("checklist") ?? false;
        ReadScales(file, fm);
        ReadBands(file, fm);
        ReadRenamed(file, fm);
    }

    private static void ReadScales(ParsedFile file, FrontMatter fm)
    {
        if (fm.Node("scales") is not { } node)
        {
            return;
        }

        if (node is not YamlMappingNode scales)
        {
            file.Errors.Add(fm.LineOf("scales"), "Die Angabe 'scales' muss Skalen mit Namen enthalten, z. B. 'umsetzung:' mit einer Liste '- 0: nicht vorhanden'.");
            return;
        }

        foreach (var (keyNode, levelsNode) in scales.Children)
        {
            var id = FrontMatter.KeyName(keyNode, file.Errors);
            var line = FrontMatter.ToFileLine(keyNode.Start);
            if (!FileParser.IdPattern().IsMatch(id))
            {
                file.Errors.Add(line, FileParser.Invisible(id, $"Der Skalenname '{id}'", "Löschen Sie den Namen und tippen Sie ihn neu.")
                    ?? $"Der Skalenname '{id}' ist ungültig: erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche.");
                continue;
            }

            if (levelsNode is not YamlSequenceNode levels || levels.Children.Count < 2)
            {
                file.Errors.Add(line, $"Die Antwortskala '{id}' braucht mindestens zwei Stufen der Form '- 0: nicht vorhanden'.");
                continue;
            }

            var options = new List<AnswerOption>();
            var seen = new Dictionary<decimal, int>();
            foreach (var level in levels.Children)
            {
                var levelLine = FrontMatter.ToFileLine(level.Start);
                if (level is not YamlMappingNode { Children.Count: 1 } pair
                    || pair.Children.First() is not (YamlScalarNode valueNode, YamlScalarNode labelNode))
                {
                    file.Errors.Add(levelLine, $"Jede Stufe der Antwortskala '{id}' hat die Form '- Wert: Bezeichnung', z. B. '- 0: nicht vorhanden'.");
                    continue;
                }

                var valueText = valueNode.Value ?? string.Empty;
                if (!decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    file.Errors.Add(levelLine, $"Der Wert '{valueText}' der Antwortskala '{id}' ist keine Zahl.");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(labelNode.Value))
                {
                    file.Errors.Add(levelLine, $"Die Stufe {valueText} der Antwortskala '{id}' hat keine Bezeichnung.");
                    continue;
                }

                if (seen.TryGetValue(value, out var firstLine))
                {
                    file.Errors.Add(levelLine, $"Die Antwortskala '{id}' enthält den Wert {valueText} doppelt (zuerst in Zeile {firstLine}).");
                    continue;
                }

                seen[value] = levelLine;
                options.Add(new AnswerOption(value.ToString(CultureInfo.InvariantCulture), labelNode.Value.Trim(), value));
            }

            file.Scales[id] = new AnswerScale(id, options, line);
        }
    }

    private static void ReadBands(ParsedFile file, FrontMatter fm)
    {
        if (fm.Node("bands") is not { } node)
        {
            file.Errors.Add(fm.StartLine, "Pflichtangabe 'bands' fehlt im Front Matter (Stufen wie Anfang, Aufbau, Fortgeschritten, Etabliert).");
            return;
        }

        if (node is not YamlSequenceNode bands || bands.Children.Count == 0)
        {
            file.Errors.Add(fm.LineOf("bands"), "Die Angabe 'bands' muss eine Liste von Stufen mit from, name und text sein.");
            return;
        }

        decimal? previous = null;
        foreach (var band in bands.Children)
        {
            var line = FrontMatter.ToFileLine(band.Start);
            if (band is not YamlMappingNode map)
            {
                file.Errors.Add(line, "Jede Stufe unter 'bands' braucht from, name und text.");
                continue;
            }

            string? Get(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value?.Trim() : null;
            foreach (var key in map.Children.Keys.Select(k => FrontMatter.KeyName(k, file.Errors)).Where(k => k is not ("from" or "name" or "text")))
            {
                file.Errors.Add(line, $"Unbekannte Angabe '{key}' in einer Stufe unter 'bands'. Erlaubt sind from, name und text.");
            }

            var name = Get("name");
            var text = Get("text");
            var fromText = Get("from");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(text) || fromText is null)
            {
                file.Errors.Add(line, "Jede Stufe unter 'bands' braucht from, name und text.");
                continue;
            }

            if (!decimal.TryParse(fromText, NumberStyles.Number, CultureInfo.InvariantCulture, out var from) || from < 0 || from >= 100)
            {
                file.Errors.Add(line, $"Die Stufe '{name}' beginnt bei '{fromText}': from muss eine Zahl von 0 bis unter 100 sein.");
                continue;
            }

            if (previous is null && from != 0)
            {
                file.Errors.Add(line, $"Die erste Stufe '{name}' muss bei from: 0 beginnen.");
            }
            else if (previous is not null && from <= previous)
            {
                file.Errors.Add(line, $"Die Stufe '{name}' muss bei einem höheren Wert beginnen als die vorige ({previous.Value.ToString(CultureInfo.InvariantCulture)}).");
            }

            previous = from;
            file.Bands.Add(new ScoreBand(from, name, text));
        }
    }

    private static void ReadRenamed(ParsedFile file, FrontMatter fm)
    {
        if (fm.Node("renamed") is not { } node)
        {
            return;
        }

        if (node is not YamlMappingNode map)
        {
            file.Errors.Add(fm.LineOf("renamed"), "Die Angabe 'renamed' muss Paare 'alte-id: neue-id' enthalten.");
            return;
        }

        foreach (var (oldNode, newNode) in map.Children)
        {
            file.Renamed.Add((FrontMatter.KeyName(oldNode, file.Errors), (newNode as YamlScalarNode)?.Value ?? string.Empty, FrontMatter.ToFileLine(oldNode.Start)));
        }
    }

    /// <summary>The day the office last checked the catalogue, shown beside the offers so readers can judge how current they are.</summary>
    private static void ReadDate(ParsedFile file, FrontMatter fm)
    {
        if (fm.String("date", required: false) is not { } text)
        {
            return;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            file.Date = date;
        }
        else
        {
            file.Errors.Add(fm.LineOf("date"), $"Das Datum '{text}' ist nicht lesbar: Schreiben Sie es als Jahr-Monat-Tag, z. B. 'date: 2026-11-20'.");
        }
    }
}
