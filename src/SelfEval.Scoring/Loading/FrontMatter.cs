using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SelfEval.Scoring.Loading;

/// <summary>
/// Reads the YAML front matter into nodes that still know their line, so that every complaint
/// about metadata points at the line the author has to fix.
/// </summary>
internal sealed class FrontMatter
{
    private readonly Dictionary<string, YamlNode> _values;
    private readonly Dictionary<string, int> _keyLines;
    private readonly ErrorSink _errors;

    private FrontMatter(Dictionary<string, YamlNode> values, Dictionary<string, int> keyLines, ErrorSink errors, int startLine)
    {
        _values = values;
        _keyLines = keyLines;
        _errors = errors;
        StartLine = startLine;
    }

    /// <summary>File line of the opening <c>---</c>.</summary>
    public int StartLine { get; }

    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>
    /// Splits off the front matter. Returns null (with an error) when the file does not start with
    /// one, does not close it or holds no readable YAML: whatever followed would only be noise.
    /// </summary>
    public static FrontMatter? Read(string[] lines, ErrorSink errors, out int bodyStartIndex)
    {
        bodyStartIndex = 0;
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            errors.Add(1, "Die Datei muss mit Front Matter beginnen: Zeile 1 muss genau '---' lauten, danach folgen id, version, title usw.");
            return null;
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            errors.Add(1, "Das Front Matter ab Zeile 1 wird nicht abgeschlossen: Es fehlt eine Zeile '---' nach den Angaben.");
            return null;
        }

        bodyStartIndex = end + 1;
        var yamlText = string.Join('\n', lines[1..end]);
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var frontMatter = new FrontMatter(values, keyLines, errors, 1);
        if (string.IsNullOrWhiteSpace(yamlText))
        {
            errors.Add(1, "Das Front Matter ist leer: Es fehlen id, version und title.");
            return frontMatter;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (AnchorNotFoundException ex)
        {
            // Reported when the document is complete, with no position of its own: the '*' is found in the text.
            var quoted = ex.Message.Split('\'');
            var alias = "*" + (quoted.Length > 2 ? quoted[1] : string.Empty);
            var line = 1 + Array.FindIndex(lines, 1, end - 1, l => l.Contains(alias, StringComparison.Ordinal));
            errors.Add(line > 0 ? line : ToFileLine(ex.Start), $"Ungültiges YAML im Front Matter: {SpecialCharacter}");
            return null;
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).Trim();
            errors.Add(ToFileLine(ex.Start), $"Ungültiges YAML im Front Matter: {Explain(message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up without a position on some unclosed brackets; point at the likeliest line.
            var line = 1 + Array.FindIndex(lines, 1, end - 1, Unbalanced);
            errors.Add(line > 0 ? line : 1, "Ungültiges YAML im Front Matter: Eine Klammer oder ein Anführungszeichen wird nicht geschlossen.");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(2, "Das Front Matter muss aus Angaben der Form 'schlüssel: wert' bestehen.");
            return null;
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = KeyName(keyNode, errors);
            values[key] = valueNode;
            keyLines[key] = ToFileLine(keyNode.Start);
        }

        return frontMatter;
    }

    /// <summary>
    /// The name before a colon. YAML also accepts '[name]:' or '{name}:' as a key; an author who writes
    /// that means the plain name, so it is reported and the name inside is used to check the rest.
    /// </summary>
    public static string KeyName(YamlNode key, ErrorSink errors)
    {
        var (name, written) = key switch
        {
            YamlScalarNode scalar => (scalar.Value ?? string.Empty, null),
            YamlSequenceNode sequence => (Join(sequence.Children), $"[{Join(sequence.Children)}]"),
            YamlMappingNode mapping => (Join(mapping.Children.Keys), $"{{{Join(mapping.Children.Keys)}}}"),
            _ => (string.Empty, key.ToString()),
        };
        if (written is not null)
        {
            errors.Add(ToFileLine(key.Start), $"Der Name '{written}' steht in Klammern: Schreiben Sie ihn ohne [ ] und {{ }} vor den Doppelpunkt, also '{name}:'.");
        }

        return name;

        static string Join(IEnumerable<YamlNode> nodes) => string.Join(", ", nodes.Select(n => n is YamlScalarNode s ? s.Value : n.ToString()));
    }

    // YamlDotNet speaks English; the authors are the service office's staff.
    private static string Explain(string message) => message switch
    {
        _ when message.StartsWith("Mapping values are not allowed", StringComparison.Ordinal)
            || message.Contains("found invalid mapping", StringComparison.Ordinal) =>
            "Ein Doppelpunkt steht an einer Stelle, an der er nicht stehen darf. Setzen Sie Texte mit Doppelpunkt in Anführungszeichen.",
        _ when message.Contains("quoted scalar", StringComparison.Ordinal) =>
            "Ein Anführungszeichen wird nicht geschlossen.",
        _ when message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) =>
            "Eine Angabe steht doppelt.",
        _ when message.Contains("tab", StringComparison.OrdinalIgnoreCase) =>
            "Das Front Matter enthält einen Tabulator; rücken Sie bitte mit Leerzeichen ein.",
        _ when message.Contains("did not find expected key", StringComparison.Ordinal)
            || message.Contains("did not find expected '-' indicator", StringComparison.Ordinal)
            || message.Contains("did not find expected <document start>", StringComparison.Ordinal) =>
            "Die Einrückung stimmt nicht: Diese Zeile ist anders eingerückt als die Angaben darüber. Rücken Sie gleichrangige Angaben gleich weit mit Leerzeichen ein.",
        _ when message.Contains("cannot start any token", StringComparison.Ordinal)
            || message.Contains("block scalar", StringComparison.Ordinal)
            || message.Contains("anchor", StringComparison.OrdinalIgnoreCase)
            || message.Contains("alias", StringComparison.OrdinalIgnoreCase)
            || message.Contains("tag", StringComparison.OrdinalIgnoreCase)
            || message.Contains("directive", StringComparison.OrdinalIgnoreCase) => SpecialCharacter,
        _ => "Diese Zeile ist nicht lesbar. Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen; Texte mit Sonderzeichen setzen Sie in Anführungszeichen.",
    };

    private const string SpecialCharacter =
        "Ein Text beginnt mit einem Zeichen, das in YAML eine besondere Bedeutung hat (@ ` % ! & * | >). Setzen Sie den Text in Anführungszeichen.";

    private static bool Unbalanced(string line) =>
        line.Count(c => c == '[') != line.Count(c => c == ']')
        || line.Count(c => c == '{') != line.Count(c => c == '}')
        || line.Count(c => c == '"') % 2 == 1;

    // The YAML starts on file line 2; YamlDotNet counts lines from 1.
    public static int ToFileLine(Mark mark) => (int)mark.Line + 1;

    public int LineOf(string key) => _keyLines.TryGetValue(key, out var line) ? line : StartLine;

    public bool Has(string key) => _values.ContainsKey(key);

    public YamlNode? Node(string key) => _values.GetValueOrDefault(key);

    public string? String(string key, bool required)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            if (required)
            {
                _errors.Add(StartLine, $"Pflichtangabe '{key}' fehlt im Front Matter.");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            _errors.Add(LineOf(key), $"Die Angabe '{key}' muss ein Text sein und darf nicht leer sein.");
            return null;
        }

        return scalar.Value!.Trim();
    }

    public bool? YesNo(string key)
    {
        var text = String(key, required: false);
        switch (text)
        {
            case null: return null;
            case "ja": return true;
            case "nein": return false;
            default:
                _errors.Add(LineOf(key), $"Die Angabe '{key}' muss ja oder nein sein, nicht '{text}'.");
                return null;
        }
    }

    public int? PositiveInt(string key, bool required)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            _errors.Add(LineOf(key), $"Die Angabe '{key}' muss eine ganze Zahl größer als 0 sein, nicht '{text}'.");
            return null;
        }

        return value;
    }
}
