using System.Text;

namespace SelfEval.Scoring.Tests.Loading;

/// <summary>
/// FORMAT.md lists every message the loader can give, so that an author who meets one can look it up.
/// The messages are read from the loader's source: each German sentence in a string literal, with its
/// variable parts written as "…" (as FORMAT.md writes them). A new message without an entry fails here.
/// </summary>
public sealed class MessageCatalogueTests
{
    [Fact]
    public void Every_message_of_the_loader_is_listed_in_the_format_documentation()
    {
        var root = Path.GetDirectoryName(Fixtures.RepositoryQuestionnaires())!;
        var doc = File.ReadAllText(Path.Combine(root, "questionnaires", "FORMAT.md"));
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src", "SelfEval.Scoring", "Loading"), "*.cs")
            .Append(Path.Combine(root, "src", "SelfEval.Web", "Questionnaires", "QuestionnaireFolder.cs"));

        var messages = sources.SelectMany(f => Templates(File.ReadAllText(f))).Where(IsMessage).Distinct().ToList();
        var missing = messages.Where(m => !doc.Contains(m, StringComparison.Ordinal)).ToList();

        Assert.True(messages.Count > 100, $"only {messages.Count} messages found: the reader of the source has lost its way");
        Assert.Equal([], missing);
    }

    [Theory]
    [InlineData("x.Add(1, $\"Die Frage '{q.Id}' hat {string.Join(\", \", ids)} Texte.\");", "Die Frage '…' hat … Texte.")]
    [InlineData("Errors.Add(line, \"Ein {{#id}} \\\"steht\\\" hier.\"); // \"Kommentar bleibt draußen\"", "Ein {{#id}} \"steht\" hier.")]
    [InlineData("var c = '\"'; Add($\"Stufe {{#{id}}} ist ok.\");", "Stufe {#…} ist ok.")]
    [InlineData("throw new InvalidOperationException($\"Type {type} is not handled here.\");", null)]
    public void The_reader_of_the_source_finds_each_message_with_its_variable_parts_as_ellipses(string code, string? expected)
    {
        Assert.Equal(expected is null ? [] : [expected], Templates(code).Where(IsMessage));
    }

    // YamlDotNet's own wording, which the loader looks for in order to explain it in German.
    private static readonly string[] NotMessages = ["Mapping values are not allowed"];

    /// <summary>A German sentence (not a key, a fragment like " und ", or an exception for programmers).</summary>
    private static bool IsMessage(string text) =>
        text.Count(c => c == ' ') >= 2 && (char.IsUpper(text[0]) || text[0] is '\'' or '…') && !NotMessages.Contains(text);

    /// <summary>The string literals of C# source, interpolations as "…", skipping comments, char literals and exceptions.</summary>
    private static IEnumerable<string> Templates(string source)
    {
        var results = new List<string>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                i = source.IndexOf('\n', i) is var end and >= 0 ? end : source.Length;
            }
            else if (c == '/' && next == '*')
            {
                i = source.IndexOf("*/", i, StringComparison.Ordinal) + 2;
            }
            else if (c == '\'')
            {
                SkipChar(source, ref i);
            }
            else if (c == '@' && next == '"')
            {
                i += 2;
                while (!(source[i] == '"' && (i + 1 >= source.Length || source[i + 1] != '"')))
                {
                    i += source[i] == '"' ? 2 : 1;
                }

                i++;
            }
            else if (c == '$' && next == '"' || c == '"')
            {
                var start = i;
                i += c == '$' ? 2 : 1;
                var text = ReadString(source, ref i, interpolated: c == '$');
                var lineStart = source.LastIndexOf('\n', start) + 1;
                if (!source.AsSpan(lineStart, start - lineStart).Contains("Exception(", StringComparison.Ordinal))
                {
                    results.Add(text);
                }
            }
            else
            {
                i++;
            }
        }

        return results;
    }

    private static string ReadString(string source, ref int i, bool interpolated)
    {
        var text = new StringBuilder();
        while (source[i] != '"')
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '\\')
            {
                text.Append(next switch { 'n' => '\n', 't' => '\t', 'u' => (char)Convert.ToInt32(source.Substring(i + 2, 4), 16), _ => next });
                i += next == 'u' ? 6 : 2;
            }
            else if (interpolated && c == '{' && next == '{' || interpolated && c == '}' && next == '}')
            {
                text.Append(c);
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                SkipHole(source, ref i);
                text.Append('…');
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        i++;
        return text.ToString();
    }

    /// <summary>Skips '{…}' of an interpolated string, strings and braces inside it included.</summary>
    private static void SkipHole(string source, ref int i)
    {
        var depth = 0;
        do
        {
            var c = source[i];
            if (c == '\'')
            {
                SkipChar(source, ref i);
                continue;
            }

            if (c == '"' || (c is '$' or '@' && source[i + 1] == '"'))
            {
                i += c == '"' ? 1 : 2;
                ReadString(source, ref i, interpolated: c == '$');
                continue;
            }

            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            i++;
        }
        while (depth > 0);
    }

    /// <summary>Skips 'x', '\n' or '\uFEFF'.</summary>
    private static void SkipChar(string source, ref int i) =>
        i = source[i + 1] == '\\' ? source.IndexOf('\'', i + 3) + 1 : i + 3;
}
