using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace SelfEval.Scoring.Loading;

/// <summary>
/// Walks a body's blocks in order, one owner (section, question, offer) at a time: headings start an owner,
/// free Markdown becomes its text, and one list of <c>- key: value</c> its properties, read through
/// <see cref="PropertyTable"/>. What a heading starts and what is checked when an owner ends is the
/// business of the reader for each kind of file.
/// </summary>
internal abstract partial class BodyReader(ParsedFile file, string body, int lineOffset)
{
    // Built once: the pipeline is immutable and thread-safe.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    [GeneratedRegex(@"^[a-z][a-z-]*:(\s|$)")]
    private static partial Regex PropertyStart();

    [GeneratedRegex("^(kind|id|version|title):")]
    private static partial Regex FrontMatterKey();

    private readonly List<string> _content = [];
    private readonly string[] _lines = body.Split('\n');
    private string _body = body;
    private bool _hasProperties;
    private bool _secondDocument;

    protected ParsedFile File { get; } = file;

    protected ErrorSink Errors { get; } = file.Errors;

    protected PropertyContext Context { get; } = new(file);

    protected int LineOffset { get; } = lineOffset;

    /// <summary>Preface before the first owner, or an unusable heading: its text belongs to nobody.</summary>
    protected bool Ignoring { get; set; } = true;

    /// <summary>Whom a property list read now belongs to; <see cref="Owner.None"/> while ignoring.</summary>
    protected abstract Owner CurrentOwner { get; }

    /// <summary>Whether an owner has been started (a # heading after that is out of place).</summary>
    protected abstract bool HasOwners { get; }

    protected int Line(Block block) => block.Line + 1 + LineOffset;

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
                    Errors.Add(Line(rule), "Hier beginnt ein zweites Front Matter ('---' gefolgt von Angaben wie 'id:'). Eine Datei enthält genau einen Fragebogen – wurde sie versehentlich doppelt eingefügt?");
                    Ignoring = true;
                    _secondDocument = true;
                    break;
                case ThematicBreakBlock:
                    break; // a visual separator for readers
                case ListBlock list when !Ignoring && IsPropertyList(list):
                    ReadProperties(list);
                    break;
                case ListBlock list when !Ignoring && FirstPropertyItem(list) is { } merged:
                    // Markdown joins a '-' list of help text and the '-' property list after it into one list.
                    Errors.Add(Line(merged), "Die Eigenschaften schließen direkt an eine Aufzählung im Text an und werden deshalb nicht erkannt. Schreiben Sie die Aufzählung im Text mit '*' statt '-', oder setzen Sie einen Satz zwischen sie und die Eigenschaften.");
                    ReadProperties(list, merged); // still checked, so this is the only message
                    break;
                default:
                    if (!Ignoring)
                    {
                        _content.Add(Raw(block).Trim('\n'));
                    }

                    break;
            }
        }

        FinishOwner();
        Finish();
    }

    /// <summary>Checks once the whole body is read (e.g. that it has any section at all).</summary>
    protected abstract void Finish();

    /// <summary>Starts what a ## or ### heading opens; <paramref name="title"/> and <paramref name="id"/> are split already.</summary>
    protected abstract void StartOwner(int level, string title, string id, int line);

    /// <summary>The message for a heading too deep for this kind of file, or null if the level is fine.</summary>
    protected abstract string? TooDeep(int level);

    /// <summary>Ends the current owner, handing it the free Markdown written under its heading.</summary>
    protected abstract void EndOwner(string content);

    /// <summary>Applies one property to the current owner: the table's parser for this owner.</summary>
    protected abstract void Apply(PropertyDefinition property, PropertyValue value);

    /// <summary>Notes where a property of the current owner was written (even miscased or broken), for later checks.</summary>
    protected virtual void Mark(string key, int line)
    {
    }

    private void FinishOwner()
    {
        EndOwner(string.Join("\n\n", _content.Where(c => c.Length > 0)));
        _content.Clear();
        _hasProperties = false;
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
            Errors.Add(Line(open), $"Ein Codeblock beginnt in Zeile {Line(open)} mit {fence} und wird nicht geschlossen; alles danach wird als Text gelesen, auch die folgenden Fragen. Schließen Sie ihn mit einer eigenen Zeile {fence} oder löschen Sie die {fence}.");
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
        Ignoring = true;
        if (heading.IsSetext)
        {
            Errors.Add(line, "Überschriften werden mit # am Zeilenanfang geschrieben. Hier ist Text mit '---' oder '===' unterstrichen – steht hier versehentlich ein zweites Front Matter oder fehlt eine Leerzeile vor '---'?");
            return;
        }

        if (heading.Level == 1)
        {
            if (HasOwners && !_secondDocument)
            {
                Errors.Add(line, "Eine Überschrift mit einem # ist nur als Titel vor dem ersten Abschnitt erlaubt.");
            }

            return;
        }

        if (TooDeep(heading.Level) is { } tooDeep)
        {
            Errors.Add(line, tooDeep);
            return;
        }

        var (title, id) = SplitHeading(Raw(heading), line);
        if (id is not null)
        {
            StartOwner(heading.Level, title, id, line);
        }
    }

    private (string Title, string? Id) SplitHeading(string raw, int line)
    {
        var text = raw.Trim().TrimStart('#').Trim();
        var open = text.LastIndexOf('{');
        if (open < 0 || !text.EndsWith('}'))
        {
            Errors.Add(line, $"Der Überschrift fehlt die ID, z. B. '{{#kuemmerer}}' am Zeilenende: '{FileParser.Shorten(text)}'.");
            return (text, null);
        }

        var attribute = text[(open + 1)..^1].Trim();
        var title = text[..open].Trim();
        if (attribute.StartsWith('#') && FileParser.Invisible(attribute[1..], $"Die ID '{attribute[1..]}'", "Löschen Sie die ID und tippen Sie sie neu.") is { } invisible)
        {
            Errors.Add(line, invisible);
            return (title, null);
        }

        if (!attribute.StartsWith('#') || !FileParser.IdPattern().IsMatch(attribute[1..]))
        {
            Errors.Add(line, $"Die ID-Angabe '{{{attribute}}}' ist ungültig: erlaubt ist '{{#id}}' mit Kleinbuchstaben, Ziffern und Bindestrichen.");
            return (title, null);
        }

        return (title, attribute[1..]);
    }

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
        return colon > 0 && PropertyStart().IsMatch(text) && PropertyTable.IsKey(text[..colon]);
    }

    /// <summary>'Type: scale' for 'type: scale': authors write as in prose, the format spells keys in lower case.</summary>
    private static string? MiscasedKey(string text)
    {
        var colon = text.IndexOf(':');
        return PropertyTable.Miscased(colon < 0 ? string.Empty : text[..colon].Trim());
    }

    private void ReadProperties(ListBlock list, ListItemBlock? from = null)
    {
        var line = Line(list);
        if (_hasProperties)
        {
            Errors.Add(line, "Hier steht eine zweite Eigenschaftsliste: Fassen Sie alle Angaben (type, weight, …) in einer Liste zusammen.");
            return;
        }

        _hasProperties = true;
        var owner = CurrentOwner;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in list.OfType<ListItemBlock>().SkipWhile(i => from is not null && i != from))
        {
            var itemLine = Line(item);
            if (item.Count == 0 || item[0] is not ParagraphBlock paragraph)
            {
                Errors.Add(itemLine, "Jeder Eintrag der Eigenschaftsliste hat die Form '- schlüssel: wert'.");
                continue;
            }

            var text = string.Join(' ', Raw(paragraph).Split('\n').Select(l => l.Trim())).Trim();
            var colon = text.IndexOf(':');
            var key = colon < 0 ? text : text[..colon].Trim();
            var value = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
            if (MiscasedKey(text) is { } meant)
            {
                Errors.Add(itemLine, $"Die Eigenschaft '{key}' ist unbekannt. Meinten Sie '{meant}'? Eigenschaften werden kleingeschrieben.");
                Mark(meant, itemLine); // written, if miscased: no second complaint that it is missing
                continue;
            }

            if (colon < 0 || !PropertyStart().IsMatch(text))
            {
                Errors.Add(itemLine, $"Der Eintrag '{FileParser.Shorten(text)}' hat nicht die Form '- schlüssel: wert'.");
                continue;
            }

            if (PropertyTable.Find(key) is not { } property)
            {
                Errors.Add(itemLine, PropertyTable.Unknown(key, owner));
                continue;
            }

            if (!property.Owners.HasFlag(owner))
            {
                Errors.Add(itemLine, PropertyTable.NotHere(property, owner));
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                Errors.Add(itemLine, $"Die Eigenschaft '{key}' steht doppelt (zuerst in Zeile {first}).");
                continue;
            }

            seen[key] = itemLine;
            Mark(key, itemLine); // written, if broken: its absence is not reported as well
            var nested = item.Skip(1).OfType<ListBlock>().FirstOrDefault();
            if (property.Nested)
            {
                Apply(property, new PropertyValue(key, value, itemLine, nested is null ? null : Items(nested)));
                continue;
            }

            if (nested is not null || item.Count > 1)
            {
                Errors.Add(itemLine, PropertyTable.NotNested(key, owner));
                continue;
            }

            if (value.Length == 0)
            {
                Errors.Add(itemLine, $"Die Eigenschaft '{key}' hat keinen Wert.");
                continue;
            }

            Apply(property, new PropertyValue(key, value, itemLine, null));
        }
    }

    /// <summary>The items of a nested list (options, levels, groups) as one line of text each, with their line numbers.</summary>
    private List<(int Line, string Text)> Items(ListBlock list) =>
        list.OfType<ListItemBlock>().Select(item => (Line(item), item.Count > 0 && item[0] is ParagraphBlock p
            ? string.Join(' ', Raw(p).Split('\n').Select(l => l.Trim())).Trim()
            : string.Empty)).ToList();
}
