using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using SelfEval.Scoring.Model;
using YamlDotNet.RepresentationModel;

namespace SelfEval.Scoring.Loading;

/// <summary>
/// Reads one Markdown file: front matter, then <c>##</c> sections and <c>###</c> questions, each followed
/// by free Markdown and a property list (<c>- key: value</c>). Structure comes from Markdig's block tree;
/// the text of headings and properties is cut from the source, so nothing is re-rendered or lost.
/// </summary>
internal static partial class FileParser
{
    // Built once: the pipeline is immutable and thread-safe.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly string[] QuestionKeys =
        ["type", "scale", "options", "required", "not-relevant", "weight", "aspect", "dimension", "reverse", "hint", "offers", "source", "when", "min", "max"];

    // Only the profile declares comparison groups: the office compares by profile facts, never by a guide's answers.
    private static readonly string[] ComparisonKeys = ["compare", "groups"];
    private static readonly string[] ProfileQuestionKeys = [.. QuestionKeys, .. ComparisonKeys];

    // Where the office keeps initiatives without an answer; a declared group must not take it.
    private const string NoAnswerGroup = "ohne-angabe";

    private static readonly string[] SectionKeys = ["weight", "when", "source"];
    private static readonly string[] OfferKeys = ["source"];
    private static readonly HashSet<string> AnyPropertyKey = new([.. ProfileQuestionKeys, .. SectionKeys, .. OfferKeys], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ScoredOnlyKeys = ["weight", "aspect", "dimension", "reverse", "hint"];

    private static readonly Dictionary<FileKind, string[]> FrontMatterKeys = new()
    {
        [FileKind.Questionnaire] = ["kind", "id", "version", "title", "subtitle", "description", "audience", "minutes", "checklist", "scales", "bands", "renamed"],
        [FileKind.Profile] = ["kind", "id", "version", "title", "description", "renamed"],
        [FileKind.Offers] = ["kind", "id", "title", "description"],
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z][a-z-]*:(\s|$)")]
    private static partial Regex PropertyStart();

    [GeneratedRegex("^(kind|id|version|title):")]
    private static partial Regex FrontMatterKey();

    [GeneratedRegex(@"^\d{3}:\d+(-\d+)?(\s*,\s*\d{3}:\d+(-\d+)?)*$")]
    private static partial Regex SourcePattern();

    // 'bis 1999', '2000 bis 2009', 'ab 2018': whole numbers, so that ranges meet without a gap.
    [GeneratedRegex(@"^(?:bis\s+(?<to>-?\d{1,12})|(?<from>-?\d{1,12})\s+bis\s+(?<to>-?\d{1,12})|ab\s+(?<from>-?\d{1,12}))$")]
    private static partial Regex RangePattern();

    /// <summary>
    /// A zero-width space, byte order mark or soft hyphen copied in from Word or a web page is invisible
    /// in every editor; "ungültig" alone would leave the author staring at an id that looks right.
    /// </summary>
    private static string? Invisible(string id, string what, string retype)
    {
        var index = id.AsSpan().IndexOfAny(InvisibleChars);
        return index < 0 ? null : $"{what} enthält ein unsichtbares Zeichen (U+{(int)id[index]:X4}) an Stelle {index + 1}. {retype}";
    }

    private static readonly System.Buffers.SearchValues<char> InvisibleChars = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control).ToArray());

    public static ParsedFile Parse(string source, string rawText)
    {
        var text = rawText.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var file = new ParsedFile { Source = source, Text = text, Errors = new ErrorSink(source) };
        if (string.IsNullOrWhiteSpace(text))
        {
            file.Errors.Add(1, "Die Datei ist leer.");
            return file;
        }

        var lines = text.Split('\n');
        var frontMatter = FrontMatter.Read(lines, file.Errors, out var bodyStart);
        if (frontMatter is null)
        {
            return file;
        }

        ReadMetadata(file, frontMatter);
        var body = string.Join('\n', lines[bodyStart..]);
        new BodyReader(file, body, bodyStart).Read();
        return file;
    }

    private static void ReadMetadata(ParsedFile file, FrontMatter fm)
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
        if (file.Id is not null && !IdPattern().IsMatch(file.Id))
        {
            file.Errors.Add(fm.LineOf("id"), Invisible(file.Id, $"Die id '{file.Id}'", "Löschen Sie die ID und tippen Sie sie neu.")
                ?? $"Die id '{file.Id}' ist ungültig: erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche.");
        }

        file.Title = fm.String("title", required: true);
        file.Description = fm.String("description", required: file.Kind == FileKind.Questionnaire);
        if (file.Kind == FileKind.Offers)
        {
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
            if (!IdPattern().IsMatch(id))
            {
                file.Errors.Add(line, Invisible(id, $"Der Skalenname '{id}'", "Löschen Sie den Namen und tippen Sie ihn neu.")
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

    /// <summary>Walks the body's blocks in order, one owner (section, question, offer) at a time.</summary>
    private sealed class BodyReader(ParsedFile file, string body, int lineOffset)
    {
        private readonly ErrorSink _errors = file.Errors;
        private SectionDraft? _section;
        private QuestionDraft? _question;
        private SupportOfferDraft? _offer;
        private readonly List<string> _content = [];
        private bool _hasProperties;
        private bool _ignoring = true; // preface before the first section, or an unusable heading
        private bool _secondDocument;
        private readonly string[] _lines = body.Split('\n');
        private string _body = body;

        private int Line(Block block) => block.Line + 1 + lineOffset;

        public void Read()
        {
            var document = ParseWithClosedFences();
            foreach (var block in document)
            {
                switch (block)
                {
                    case HeadingBlock heading:
                        FinishOwner();
                        StartOwner(heading);
                        break;
                    case ThematicBreakBlock rule when StartsFrontMatter(rule):
                        FinishOwner();
                        _errors.Add(Line(rule), "Hier beginnt ein zweites Front Matter ('---' gefolgt von Angaben wie 'id:'). Eine Datei enthält genau einen Fragebogen – wurde sie versehentlich doppelt eingefügt?");
                        _ignoring = true;
                        _secondDocument = true;
                        break;
                    case ThematicBreakBlock:
                        break; // a visual separator for readers
                    case ListBlock list when !_ignoring && IsPropertyList(list):
                        ReadProperties(list);
                        break;
                    case ListBlock list when !_ignoring && FirstPropertyItem(list) is { } merged:
                        // Markdown joins a '-' list of help text and the '-' property list after it into one list.
                        _errors.Add(Line(merged), "Die Eigenschaften schließen direkt an eine Aufzählung im Text an und werden deshalb nicht erkannt. Schreiben Sie die Aufzählung im Text mit '*' statt '-', oder setzen Sie einen Satz zwischen sie und die Eigenschaften.");
                        ReadProperties(list, merged); // still checked, so this is the only message
                        break;
                    default:
                        if (!_ignoring)
                        {
                            _content.Add(Raw(block).Trim('\n'));
                        }

                        break;
                }
            }

            FinishOwner();
            if (file.Kind != FileKind.Offers && file.Sections.Count == 0 && !_errors.Any)
            {
                _errors.Add(1 + lineOffset, "Die Datei enthält keinen Abschnitt: Beginnen Sie einen Abschnitt mit '## Titel {#id}'.");
            }

            if (file.Kind == FileKind.Offers && file.Offers.Count == 0 && !_errors.Any)
            {
                _errors.Add(1 + lineOffset, "Der Angebotskatalog enthält kein Angebot: Beginnen Sie jedes Angebot mit '## Titel {#id}'.");
            }
        }

        /// <summary>
        /// An unclosed ``` turns the rest of the file into one code block, so every later question would
        /// vanish without a word. It is reported, and its line is blanked (same length, so spans and lines
        /// keep their places) to check what follows as the author meant it.
        /// </summary>
        private MarkdownDocument ParseWithClosedFences()
        {
            while (true)
            {
                var document = Markdown.Parse(_body, Pipeline);
                if (document.OfType<FencedCodeBlock>().FirstOrDefault(f => f.ClosingFencedCharCount == 0) is not { } open)
                {
                    return document;
                }

                var fence = new string(open.FencedChar, open.OpeningFencedCharCount);
                _errors.Add(Line(open), $"Ein Codeblock beginnt in Zeile {Line(open)} mit {fence} und wird nicht geschlossen; alles danach wird als Text gelesen, auch die folgenden Fragen. Schließen Sie ihn mit einer eigenen Zeile {fence} oder löschen Sie die {fence}.");
                var start = open.Span.Start;
                var end = _body.IndexOf('\n', start) is var newline and >= 0 ? newline : _body.Length;
                _body = string.Concat(_body.AsSpan(0, start), new string(' ', end - start), _body.AsSpan(end));
            }
        }

        private bool StartsFrontMatter(ThematicBreakBlock rule) =>
            Raw(rule).Trim() == "---" && rule.Line + 1 < _lines.Length && FrontMatterKey().IsMatch(_lines[rule.Line + 1]);

        private string Raw(Block block) => _body.Substring(block.Span.Start, Math.Min(block.Span.Length, _body.Length - block.Span.Start));

        private void StartOwner(HeadingBlock heading)
        {
            var line = Line(heading);
            _ignoring = true;
            if (heading.IsSetext)
            {
                _errors.Add(line, "Überschriften werden mit # am Zeilenanfang geschrieben. Hier ist Text mit '---' oder '===' unterstrichen – steht hier versehentlich ein zweites Front Matter oder fehlt eine Leerzeile vor '---'?");
                return;
            }

            if (heading.Level == 1)
            {
                if ((file.Sections.Count > 0 || file.Offers.Count > 0) && !_secondDocument)
                {
                    _errors.Add(line, "Eine Überschrift mit einem # ist nur als Titel vor dem ersten Abschnitt erlaubt.");
                }

                return;
            }

            if (heading.Level > 3 || (heading.Level == 3 && file.Kind == FileKind.Offers))
            {
                _errors.Add(line, file.Kind == FileKind.Offers
                    ? "Im Angebotskatalog beginnt jedes Angebot mit ## – tiefere Überschriften sind nicht vorgesehen."
                    : "Überschriften mit #### oder mehr sind nicht vorgesehen: ## beginnt einen Abschnitt, ### eine Frage.");
                return;
            }

            var (title, id) = SplitHeading(Raw(heading), line);
            if (id is null)
            {
                return;
            }

            if (heading.Level == 2 && file.Kind == FileKind.Offers)
            {
                if (title.Length == 0)
                {
                    _errors.Add(line, $"Das Angebot '{id}' hat keinen Titel.");
                }

                _offer = new SupportOfferDraft(id, title, line);
                _ignoring = false;
                return;
            }

            if (heading.Level == 2)
            {
                if (title.Length == 0)
                {
                    _errors.Add(line, $"Der Abschnitt '{id}' hat keinen Titel.");
                }

                _section = new SectionDraft { Id = id, Title = title, Line = line, Source = file.Source, IsProfile = file.Kind == FileKind.Profile };
                file.Sections.Add(_section);
                _ignoring = false;
                return;
            }

            if (_section is null)
            {
                _errors.Add(line, $"Die Frage '{id}' steht vor dem ersten Abschnitt: Beginnen Sie zuerst einen Abschnitt mit '## Titel {{#id}}'.");
                return;
            }

            if (title.Length == 0)
            {
                _errors.Add(line, $"Die Frage '{id}' hat keinen Text.");
            }

            _question = new QuestionDraft { Id = id, Text = title, Line = line, Source = file.Source, IsProfile = file.Kind == FileKind.Profile };
            _ignoring = false;
        }

        private (string Title, string? Id) SplitHeading(string raw, int line)
        {
            var text = raw.Trim().TrimStart('#').Trim();
            var open = text.LastIndexOf('{');
            if (open < 0 || !text.EndsWith('}'))
            {
                _errors.Add(line, $"Der Überschrift fehlt die ID, z. B. '{{#kuemmerer}}' am Zeilenende: '{Shorten(text)}'.");
                return (text, null);
            }

            var attribute = text[(open + 1)..^1].Trim();
            var title = text[..open].Trim();
            if (attribute.StartsWith('#') && Invisible(attribute[1..], $"Die ID '{attribute[1..]}'", "Löschen Sie die ID und tippen Sie sie neu.") is { } invisible)
            {
                _errors.Add(line, invisible);
                return (title, null);
            }

            if (!attribute.StartsWith('#') || !IdPattern().IsMatch(attribute[1..]))
            {
                _errors.Add(line, $"Die ID-Angabe '{{{attribute}}}' ist ungültig: erlaubt ist '{{#id}}' mit Kleinbuchstaben, Ziffern und Bindestrichen.");
                return (title, null);
            }

            return (title, attribute[1..]);
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

        // Markdig has released the paragraph's lines after inline parsing, so the text is cut from the source.
        private bool IsPropertyList(ListBlock list) =>
            list.Count > 0 && list[0] is ListItemBlock { Count: > 0 } item && item[0] is ParagraphBlock p
            && (PropertyStart().IsMatch(Raw(p).TrimStart()) || MiscasedKey(Raw(p).TrimStart()) is not null);

        /// <summary>The first item after the first that starts with a known property key: a property list merged into a text list.</summary>
        private ListItemBlock? FirstPropertyItem(ListBlock list) =>
            list.OfType<ListItemBlock>().Skip(1).FirstOrDefault(item => item.Count > 0 && item[0] is ParagraphBlock p && IsKnownProperty(Raw(p).TrimStart()));

        private static bool IsKnownProperty(string text)
        {
            var colon = text.IndexOf(':');
            return colon > 0 && PropertyStart().IsMatch(text) && AnyPropertyKey.TryGetValue(text[..colon], out var known) && known == text[..colon];
        }

        /// <summary>'Type: scale' for 'type: scale': authors write as in prose, the format spells keys in lower case.</summary>
        private static string? MiscasedKey(string text)
        {
            var colon = text.IndexOf(':');
            var key = colon < 0 ? string.Empty : text[..colon].Trim();
            return AnyPropertyKey.TryGetValue(key, out var known) && key != known ? known : null;
        }

        private void ReadProperties(ListBlock list, ListItemBlock? from = null)
        {
            var line = Line(list);
            if (_hasProperties)
            {
                _errors.Add(line, "Hier steht eine zweite Eigenschaftsliste: Fassen Sie alle Angaben (type, weight, …) in einer Liste zusammen.");
                return;
            }

            _hasProperties = true;
            var allowed = _question is not null ? (file.Kind == FileKind.Profile ? ProfileQuestionKeys : QuestionKeys) : _offer is not null ? OfferKeys : SectionKeys;
            var ownerName = _question is not null ? "Fragen" : _offer is not null ? "Angebote" : "Abschnitte";
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in list.OfType<ListItemBlock>().SkipWhile(i => from is not null && i != from))
            {
                var itemLine = Line(item);
                if (item.Count == 0 || item[0] is not ParagraphBlock paragraph)
                {
                    _errors.Add(itemLine, "Jeder Eintrag der Eigenschaftsliste hat die Form '- schlüssel: wert'.");
                    continue;
                }

                var text = string.Join(' ', Raw(paragraph).Split('\n').Select(l => l.Trim())).Trim();
                var colon = text.IndexOf(':');
                var key = colon < 0 ? text : text[..colon].Trim();
                var value = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
                if (MiscasedKey(text) is { } meant)
                {
                    _errors.Add(itemLine, $"Die Eigenschaft '{key}' ist unbekannt. Meinten Sie '{meant}'? Eigenschaften werden kleingeschrieben.");
                    if (_question is not null)
                    {
                        _question.PropertyLines[meant] = itemLine; // written, if miscased: no second complaint that it is missing
                    }

                    continue;
                }

                if (colon < 0 || !PropertyStart().IsMatch(text))
                {
                    _errors.Add(itemLine, $"Der Eintrag '{Shorten(text)}' hat nicht die Form '- schlüssel: wert'.");
                    continue;
                }

                if (_question is not null && ComparisonKeys.Contains(key) && !allowed.Contains(key))
                {
                    _errors.Add(itemLine, $"Die Eigenschaft '{key}' gibt es nur in der Profildatei (kind: profile): Die Servicestelle vergleicht nur nach Profilangaben.");
                    continue;
                }

                if (!allowed.Contains(key))
                {
                    _errors.Add(itemLine, $"Unbekannte Eigenschaft '{key}'. Für {ownerName} sind erlaubt: {string.Join(", ", allowed)}.");
                    continue;
                }

                if (seen.TryGetValue(key, out var first))
                {
                    _errors.Add(itemLine, $"Die Eigenschaft '{key}' steht doppelt (zuerst in Zeile {first}).");
                    continue;
                }

                seen[key] = itemLine;
                if (key == "compare" && _question is not null)
                {
                    _question.PropertyLines[key] = itemLine; // written, if broken: 'groups' below it is not orphaned
                }

                var nested = item.Skip(1).OfType<ListBlock>().FirstOrDefault();
                if (key == "options" && _question is not null)
                {
                    _question.PropertyLines[key] = itemLine;
                    ReadOptions(nested, value, itemLine);
                    continue;
                }

                if (key == "groups" && _question is not null)
                {
                    _question.PropertyLines[key] = itemLine;
                    ReadGroups(nested, value, itemLine);
                    continue;
                }

                if (nested is not null || item.Count > 1)
                {
                    var lists = file.Kind == FileKind.Profile && _question is not null ? "nur 'options' und 'groups' haben" : "nur 'options' hat";
                    _errors.Add(itemLine, $"Die Eigenschaft '{key}' besteht aus einer Zeile; {lists} eine eingerückte Liste.");
                    continue;
                }

                if (value.Length == 0)
                {
                    _errors.Add(itemLine, $"Die Eigenschaft '{key}' hat keinen Wert.");
                    continue;
                }

                if (_question is not null)
                {
                    SetQuestionProperty(_question, key, value, itemLine);
                }
                else if (_offer is not null)
                {
                    _offer.SourceRef = ReadSource(value, itemLine);
                }
                else if (_section is not null)
                {
                    SetSectionProperty(_section, key, value, itemLine);
                }
            }
        }

        /// <summary>The items of a nested list (options, groups) as one line of text each, with their line numbers.</summary>
        private IEnumerable<(int Line, string Text)> Items(ListBlock list) =>
            list.OfType<ListItemBlock>().Select(item => (Line(item), item.Count > 0 && item[0] is ParagraphBlock p
                ? string.Join(' ', Raw(p).Split('\n').Select(l => l.Trim())).Trim()
                : string.Empty));

        private void ReadOptions(ListBlock? nested, string inlineValue, int line)
        {
            if (inlineValue.Length > 0 || nested is null)
            {
                _errors.Add(line, "Unter 'options:' folgt eine eingerückte Liste der Antworten, z. B. '  - ev: eingetragener Verein (e. V.)'.");
                return;
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (itemLine, text) in Items(nested))
            {
                var colon = text.IndexOf(':');
                var value = colon < 0 ? string.Empty : text[..colon].Trim();
                var label = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
                if (Invisible(value, $"Die Antwort '{value}'", "Löschen Sie sie und tippen Sie sie neu.") is { } invisible)
                {
                    _question!.HasOptionErrors = true;
                    _errors.Add(itemLine, invisible);
                    continue;
                }

                if (!IdPattern().IsMatch(value) || label.Length == 0)
                {
                    _question!.HasOptionErrors = true;
                    _errors.Add(itemLine, $"Die Antwort '{Shorten(text)}' hat nicht die Form '- wert: Bezeichnung' (wert aus Kleinbuchstaben, Ziffern und Bindestrichen).");
                    continue;
                }

                if (seen.TryGetValue(value, out var first))
                {
                    _question!.HasOptionErrors = true;
                    _errors.Add(itemLine, $"Die Antwort '{value}' ist in dieser Frage doppelt (zuerst in Zeile {first}).");
                    continue;
                }

                seen[value] = itemLine;
                _question!.Options.Add(new AnswerOption(value, label, null));
            }
        }

        private void ReadGroups(ListBlock? nested, string inlineValue, int line)
        {
            var q = _question!;
            if (inlineValue.Length > 0 || nested is null)
            {
                q.HasGroupErrors = true;
                _errors.Add(line, "Unter 'groups:' folgt eine eingerückte Liste der Gruppen, z. B. '  - nord: Norden = sh, hh, hb' oder bei Zahlen '  - vor-2000: vor 2000 = bis 1999'.");
                return;
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (itemLine, text) in Items(nested))
            {

                // The label may hold a colon; the members never hold '=', so the last one divides.
                var colon = text.IndexOf(':');
                var equals = text.LastIndexOf('=');
                var value = colon < 0 ? string.Empty : text[..colon].Trim();
                var label = colon < 0 || equals < colon ? string.Empty : text[(colon + 1)..equals].Trim();
                var members = colon < 0 || equals < colon ? string.Empty : text[(equals + 1)..].Trim();
                if (!IdPattern().IsMatch(value) || label.Length == 0 || members.Length == 0)
                {
                    q.HasGroupErrors = true;
                    _errors.Add(itemLine, $"Die Gruppe '{Shorten(text)}' hat nicht die Form '- kennung: Bezeichnung = …', z. B. '- nord: Norden = sh, hh, hb' oder '- vor-2000: vor 2000 = bis 1999' (kennung aus Kleinbuchstaben, Ziffern und Bindestrichen).");
                    continue;
                }

                if (seen.TryGetValue(value, out var first))
                {
                    q.HasGroupErrors = true;
                    _errors.Add(itemLine, $"Die Gruppe '{value}' ist doppelt (zuerst in Zeile {first}).");
                    continue;
                }

                seen[value] = itemLine;
                if (value == NoAnswerGroup)
                {
                    q.HasGroupErrors = true;
                    _errors.Add(itemLine, $"Die Kennung '{NoAnswerGroup}' ist für Initiativen ohne Angabe vorbehalten: Wählen Sie für die Gruppe eine andere.");
                    continue;
                }

                q.Groups.Add(new GroupLine(value, label, members, itemLine));
            }
        }

        private void SetSectionProperty(SectionDraft section, string key, string value, int line)
        {
            switch (key)
            {
                case "weight":
                    section.Weight = ReadWeight(value, line) ?? section.Weight;
                    break;
                case "when":
                    section.Condition = ReadCondition(value, line);
                    break;
                case "source":
                    section.SourceRef = ReadSource(value, line);
                    break;
            }
        }

        private void SetQuestionProperty(QuestionDraft q, string key, string value, int line)
        {
            switch (key)
            {
                case "type":
                    if (ModelNames.Types.TryGetValue(value, out var type))
                    {
                        q.Type = type;
                    }
                    else
                    {
                        _errors.Add(line, $"Unbekannter Fragetyp '{value}'. Erlaubt sind: {string.Join(", ", ModelNames.Types.Keys)}.");
                    }

                    break;
                case "scale":
                    if (file.Scales.TryGetValue(value, out var scale))
                    {
                        q.Scale = scale;
                    }
                    else
                    {
                        var known = file.Scales.Count == 0 ? "Im Front Matter ist keine Skala definiert." : $"Definiert sind: {string.Join(", ", file.Scales.Keys)}.";
                        _errors.Add(line, $"Unbekannte Antwortskala '{value}'. {known}");
                    }

                    break;
                case "required":
                    q.Required = ReadYesNo(key, value, line) ?? q.Required;
                    break;
                case "not-relevant":
                    q.AllowsNotRelevant = ReadYesNo(key, value, line) ?? q.AllowsNotRelevant;
                    break;
                case "reverse":
                    q.Reverse = ReadYesNo(key, value, line) ?? q.Reverse;
                    break;
                case "weight":
                    q.Weight = ReadWeight(value, line) ?? q.Weight;
                    break;
                case "aspect":
                    if (ModelNames.Aspects.TryGetValue(value, out var aspect))
                    {
                        q.Aspect = aspect;
                    }
                    else
                    {
                        _errors.Add(line, $"Unbekannter Aspekt '{value}'. Erlaubt sind: einigkeit, ressourcen, kontext.");
                    }

                    break;
                case "dimension":
                    if (ModelNames.Dimensions.TryGetValue(value, out var dimension))
                    {
                        q.Dimension = dimension;
                    }
                    else
                    {
                        _errors.Add(line, $"Unbekannte Dimension '{value}'. Erlaubt sind: innen, aussen.");
                    }

                    break;
                case "hint":
                    q.Hint = value;
                    break;
                case "offers":
                    foreach (var id in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        q.Offers.Add(new LocatedId(id, line));
                    }

                    break;
                case "source":
                    q.SourceRef = ReadSource(value, line);
                    break;
                case "when":
                    q.Condition = ReadCondition(value, line);
                    break;
                case "min":
                    q.Min = ReadNumber(key, value, line);
                    break;
                case "max":
                    q.Max = ReadNumber(key, value, line);
                    break;
                case "compare":
                    var colon = value.IndexOf(':');
                    var compareKey = colon < 0 ? value : value[..colon].Trim();
                    var compareLabel = colon < 0 ? string.Empty : value[(colon + 1)..].Trim();
                    if (IdPattern().IsMatch(compareKey) && compareLabel.Length > 0)
                    {
                        q.Compare = new CompareLine(compareKey, compareLabel, line);
                    }
                    else
                    {
                        _errors.Add(line, $"Die Eigenschaft 'compare' hat nicht die Form '- compare: kennung: Bezeichnung', z. B. '- compare: region: Region' (kennung aus Kleinbuchstaben, Ziffern und Bindestrichen).");
                    }

                    break;
            }

            q.PropertyLines[key] = line;
        }

        private bool? ReadYesNo(string key, string value, int line)
        {
            switch (value)
            {
                case "ja": return true;
                case "nein": return false;
                default:
                    _errors.Add(line, $"Der Wert '{value}' für '{key}' ist ungültig: erlaubt sind ja und nein.");
                    return null;
            }
        }

        private decimal? ReadWeight(string value, int line)
        {
            if (decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && weight > 0)
            {
                return weight;
            }

            _errors.Add(line, $"Das Gewicht '{value}' ist keine positive Zahl.");
            return null;
        }

        private decimal? ReadNumber(string key, string value, int line)
        {
            if (decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            _errors.Add(line, $"Der Wert '{value}' für '{key}' ist keine Zahl.");
            return null;
        }

        private string? ReadSource(string value, int line)
        {
            if (SourcePattern().IsMatch(value))
            {
                return value;
            }

            _errors.Add(line, $"Die Quellenangabe '{value}' hat nicht die Form '000:4014-4015' (Datei:Zeile-Zeile, mehrere durch Komma getrennt).");
            return null;
        }

        private LocatedCondition? ReadCondition(string value, int line)
        {
            if (ConditionParser.TryParse(value, out var condition, out var problem))
            {
                return new LocatedCondition(condition, line);
            }

            _errors.Add(line, $"Die Bedingung '{value}' ist nicht lesbar: {problem}");
            return null;
        }

        private void FinishOwner()
        {
            var content = string.Join("\n\n", _content.Where(c => c.Length > 0));
            if (_question is not null)
            {
                _question.HelpMarkdown = content;
                CheckQuestion(_question);
                _section!.Questions.Add(_question);
            }
            else if (_offer is not null)
            {
                if (file.OfferLines.TryGetValue(_offer.Id, out var first))
                {
                    _errors.Add(_offer.Line, $"Die Angebots-ID '{_offer.Id}' ist doppelt (zuerst in Zeile {first}).");
                }
                else
                {
                    file.OfferLines[_offer.Id] = _offer.Line;
                    file.Offers.Add(new SupportOffer(_offer.Id, _offer.Title, content, _offer.SourceRef));
                }
            }
            else if (_section is not null && _section.Questions.Count == 0 && _section.IntroMarkdown.Length == 0)
            {
                _section.IntroMarkdown = content;
            }

            _question = null;
            _offer = null;
            _content.Clear();
            _hasProperties = false;
        }

        private void CheckQuestion(QuestionDraft q)
        {
            if (q.Type is not { } type)
            {
                if (!q.PropertyLines.ContainsKey("type"))
                {
                    _errors.Add(q.Line, $"Der Frage '{q.Id}' fehlt die Eigenschaft 'type' (scale, yesno, single, multi, number, text oder longtext).");
                }

                return;
            }

            int LineOf(string key) => q.PropertyLines.GetValueOrDefault(key, q.Line);
            if (type == QuestionType.Scale && !q.PropertyLines.ContainsKey("scale"))
            {
                _errors.Add(q.Line, $"Die Frage '{q.Id}' ist vom Typ scale und braucht die Eigenschaft 'scale' mit dem Namen einer Antwortskala.");
            }

            if (type != QuestionType.Scale && q.PropertyLines.ContainsKey("scale"))
            {
                _errors.Add(LineOf("scale"), $"Die Eigenschaft 'scale' gilt nur für Fragen vom Typ scale, nicht für '{type.Name()}'.");
            }

            if (type is QuestionType.Single or QuestionType.Multi)
            {
                if (!q.PropertyLines.ContainsKey("options"))
                {
                    _errors.Add(q.Line, $"Die Frage '{q.Id}' ist vom Typ {type.Name()} und braucht 'options' mit mindestens zwei Antworten.");
                }
                else if (q.Options.Count == 1 && !q.HasOptionErrors)
                {
                    _errors.Add(LineOf("options"), $"Die Frage '{q.Id}' braucht mindestens zwei Antworten unter 'options'.");
                }
            }
            else if (q.Options.Count > 0)
            {
                _errors.Add(q.Line, $"Antworten unter 'options' gibt es nur bei single und multi, nicht bei '{type.Name()}'.");
            }

            if (type != QuestionType.Number && (q.Min is not null || q.Max is not null))
            {
                _errors.Add(LineOf(q.Min is not null ? "min" : "max"), "Die Eigenschaften 'min' und 'max' gelten nur für Fragen vom Typ number.");
            }

            if (q.Min is { } min && q.Max is { } max && min > max)
            {
                _errors.Add(LineOf("max"), $"'max' ({max.ToString(CultureInfo.InvariantCulture)}) ist kleiner als 'min' ({min.ToString(CultureInfo.InvariantCulture)}).");
            }

            var scored = !q.IsProfile && type is QuestionType.Scale or QuestionType.YesNo;
            if (scored)
            {
                foreach (var (key, what) in new[] { ("aspect", "einigkeit, ressourcen oder kontext"), ("dimension", "innen oder aussen"), ("hint", "einen Unterstützungshinweis") })
                {
                    if (!q.PropertyLines.ContainsKey(key))
                    {
                        _errors.Add(q.Line, $"Die bewertete Frage '{q.Id}' braucht die Eigenschaft '{key}' ({what}).");
                    }
                }
            }
            else
            {
                var why = q.IsProfile ? "Profilfragen werden nicht bewertet" : $"Fragen vom Typ {type.Name()} werden nicht bewertet";
                foreach (var key in ScoredOnlyKeys.Where(q.PropertyLines.ContainsKey))
                {
                    _errors.Add(LineOf(key), $"Die Eigenschaft '{key}' gilt nur für bewertete Fragen (scale, yesno): {why}.");
                }
            }

            CheckComparison(q, type);
        }

        private void CheckComparison(QuestionDraft q, QuestionType type)
        {
            var groupsLine = q.PropertyLines.GetValueOrDefault("groups");
            if (q.Compare is not { } compare)
            {
                // A 'compare' line that did not parse has been reported already.
                if (groupsLine > 0 && !q.PropertyLines.ContainsKey("compare"))
                {
                    _errors.Add(groupsLine, "Die Eigenschaft 'groups' gehört zu 'compare': Ergänzen Sie '- compare: kennung: Bezeichnung' oder löschen Sie 'groups'.");
                }

                return;
            }

            if (file.ComparisonKeyLines.TryGetValue(compare.Key, out var first))
            {
                _errors.Add(compare.Line, $"Das Vergleichsmerkmal '{compare.Key}' ist doppelt (zuerst in Zeile {first}).");
                return;
            }

            file.ComparisonKeyLines[compare.Key] = compare.Line;
            if (type is not (QuestionType.Single or QuestionType.Number))
            {
                _errors.Add(compare.Line, $"Die Eigenschaft 'compare' gilt nur für Fragen vom Typ single und number, nicht für '{type.Name()}'.");
                return;
            }

            var groups = type == QuestionType.Single ? ChoiceGroups(q, groupsLine) : RangeGroups(q, compare, groupsLine);
            if (groups is not null)
            {
                file.Comparison.Add(new ComparisonDimension(compare.Key, compare.Label, q.Id, groups));
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
                            _errors.Add(group.Line, $"Die Gruppe '{group.Value}' nennt die Antwort '{member}', die es bei dieser Frage nicht gibt. Möglich sind: {string.Join(", ", q.Options.Select(o => o.Value))}.");
                        }
                    }
                    else if (owners.TryGetValue(member, out var owner))
                    {
                        clean = false;
                        _errors.Add(group.Line, owner == group.Value
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
                _errors.Add(groupsLine, "Unter 'groups' stehen mindestens zwei Gruppen: Mit einer einzigen Gruppe gibt es nichts zu vergleichen.");
                return null;
            }

            var homeless = q.Options.Where(o => !owners.ContainsKey(o.Value)).Select(o => o.Value).ToList();
            if (homeless.Count > 0 && !q.HasGroupErrors && optionsKnown)
            {
                _errors.Add(groupsLine, $"Diese Antworten gehören zu keiner Gruppe unter 'groups': {string.Join(", ", homeless)}. Jede Antwort gehört zu genau einer Gruppe.");
                clean = false;
            }

            return clean ? groups : null;
        }

        /// <summary>Ranges in ascending order: the first open below, the last open above, each starting right after the previous.</summary>
        private List<ComparisonGroup>? RangeGroups(QuestionDraft q, CompareLine compare, int groupsLine)
        {
            if (groupsLine == 0)
            {
                _errors.Add(compare.Line, $"Die Zahlenfrage '{q.Id}' braucht unter 'groups' Bereiche, z. B. '  - vor-2000: vor 2000 = bis 1999'.");
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
                    _errors.Add(line.Line, $"Der Bereich '{Shorten(line.Members)}' der Gruppe '{line.Value}' ist nicht lesbar: Schreiben Sie 'bis 1999', '2000 bis 2009' oder 'ab 2018' (ganze Zahlen).");
                    continue;
                }

                var group = new ComparisonGroup(line.Value, line.Label) { From = Bound("from"), To = Bound("to") };
                if (group.From > group.To)
                {
                    _errors.Add(line.Line, $"Der Bereich '{line.Members}' der Gruppe '{line.Value}' ist leer: Schreiben Sie die kleinere Zahl zuerst.");
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
                _errors.Add(groupsLine, "Unter 'groups' stehen mindestens zwei Gruppen: Mit einer einzigen Gruppe gibt es nichts zu vergleichen.");
                return null;
            }

            var errorsBefore = _errors.Errors.Count;
            if (groups[0].Group.From is not null)
            {
                _errors.Add(groups[0].Line, $"Die erste Gruppe '{groups[0].Group.Value}' muss mit 'bis' beginnen (z. B. 'bis 1999'), damit auch jede kleinere Zahl eine Gruppe hat.");
            }

            if (groups[^1].Group.To is not null)
            {
                _errors.Add(groups[^1].Line, $"Die letzte Gruppe '{groups[^1].Group.Value}' muss mit 'ab' beginnen (z. B. 'ab 2018'), damit auch jede größere Zahl eine Gruppe hat.");
            }

            foreach (var ((previous, _), (current, line)) in groups.Zip(groups.Skip(1)))
            {
                var both = $"'{previous.Value}' ({Range(previous)}) und '{current.Value}' ({Range(current)})";
                if (previous.To is not { } end || current.From is not { } start || start <= end)
                {
                    _errors.Add(line, $"Die Gruppen {both} überschneiden sich: Jede Zahl gehört zu genau einer Gruppe; die Bereiche stehen aufsteigend untereinander.");
                }
                else if (start > end + 1)
                {
                    var missing = start == end + 2 ? $"fehlt die Zahl {Number(end + 1)}" : $"fehlen die Zahlen {Number(end + 1)} bis {Number(start - 1)}";
                    _errors.Add(line, $"Zwischen den Gruppen {both} {missing}: Jede Zahl gehört zu genau einer Gruppe.");
                }
            }

            return _errors.Errors.Count == errorsBefore ? groups.Select(g => g.Group).ToList() : null;
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

    private sealed class SupportOfferDraft(string id, string title, int line)
    {
        public string Id { get; } = id;
        public string Title { get; } = title;
        public int Line { get; } = line;
        public string? SourceRef { get; set; }
    }
}
