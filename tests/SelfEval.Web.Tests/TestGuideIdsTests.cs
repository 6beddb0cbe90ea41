using System.Text;
using System.Text.RegularExpressions;

namespace SelfEval.Web.Tests;

/// <summary>
/// Infrastructure tests name only the fixture guides' ids (<see cref="TestGuides"/>), so editing the production guides'
/// content never breaks them; the classes that test the production guides on purpose are listed with their reason.
/// </summary>
public sealed partial class TestGuideIdsTests
{
    /// <summary>Test files that may load the production guides and name their ids, and why (paths below <c>tests/</c>).</summary>
    internal static readonly Dictionary<string, string> ContentTests = new(StringComparer.Ordinal)
    {
        ["SelfEval.Web.Tests/ProductionGuides.cs"] = "the one home of the production profile's answers and guide ids, for the tests below",
        ["SelfEval.Web.Tests/TestGuideIdsTests.cs"] = "this guard's own examples of production ids",
        ["SelfEval.Web.Tests/CodebookTests.cs"] = "the codebook of the real guides and offers",
        ["SelfEval.Web.Tests/CommandTests.cs"] = "the command line validates and reports the real guides",
        ["SelfEval.Web.Tests/ConfiguredCommandTests.cs"] = "the configured commands read the real guide folder",
        ["SelfEval.Web.Tests/StartupTests.cs"] = "the service refuses to start on broken copies of the real guides",
        ["SelfEval.Web.Tests/ProfileTests.cs"] = "the profile's wording against the real guides",
        ["SelfEval.Web.Tests/ProfilePageTests.cs"] = "the profile page of the real guides",
        ["SelfEval.Web.Tests/ProfileSecondEditionTests.cs"] = "the profile of the real guides' second edition",
        ["SelfEval.Web.Tests/PdfProfileLayoutTests.cs"] = "the PDF profile laid out for the real guides' length",
        ["SelfEval.Web.Tests/ProfileConversationTests.cs"] = "the consensus and action plan in the profile of the real guides",
        ["SelfEval.Web.Tests/PageTests.cs"] = "the start page lists the real guides with their size and time",
        ["SelfEval.Web.Tests/OfficeTests.cs"] = "the office dashboard on demo data, which answers the real guides",
        ["SelfEval.Web.Tests/ProfileCacheTests.cs"] = "the profile cache on demo data, which answers the real guides",
        ["SelfEval.Web.Tests/Upgrades/UpgradeTests.cs"] = "the release fixtures' databases answer the real guides",
        ["SelfEval.Web.Tests/Attacks/DifferencingSearchTests.cs"] = "differencing attacks on demo data, which answers the real guides",
        ["SelfEval.Browser.Tests/Journeys.cs"] = "browser journeys walk the real product, its guides included",
        ["SelfEval.Browser.Tests/TeamJourneys.cs"] = "browser journeys walk the real product, its guides included",
        ["SelfEval.Browser.Tests/PreviewJourneys.cs"] = "browser journeys walk the real product, its guides included",
        ["SelfEval.Browser.Tests/WorkbenchJourney.cs"] = "browser journeys walk the real product: the office edits and publishes a real guide",
    };

    /// <summary>
    /// Ids the service itself uses as words too, so a string holding them says nothing about the guides: <c>profil</c> is a
    /// fixed address (<c>/k/…/profil</c>) and both folders' file name, <c>angebote</c> the offers' anchor and file name.
    /// </summary>
    private static readonly HashSet<string> ServiceWords = new(StringComparer.Ordinal) { "profil", "angebote" };

    /// <summary>The files that define the ways to load the production guides (the factory's choice, the folder's path).</summary>
    private static readonly HashSet<string> GuideLoaders = new(StringComparer.Ordinal)
    {
        "SelfEval.Web.Tests/SelfEvalFactory.cs", "SelfEval.Web.Tests/TestPaths.cs",
    };

    private static string Tests => Path.Combine(TestPaths.Repository, "tests");

    /// <summary>The section, question and offer ids and the guide ids of a folder of guides.</summary>
    private static HashSet<string> Ids(string folder) => Directory.EnumerateFiles(folder, "*.md")
        .Where(f => !Path.GetFileName(f).Equals("FORMAT.md", StringComparison.Ordinal) && !Path.GetFileName(f).Equals("README.md", StringComparison.Ordinal))
        .Select(File.ReadAllText)
        .SelectMany(text => HeadingId().Matches(text).Select(m => m.Groups[1].Value).Concat(FileId().Matches(text).Take(1).Select(m => m.Groups[1].Value)))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The ids only the production guides have.</summary>
    private static HashSet<string> ProductionOnlyIds()
    {
        var ids = Ids(TestPaths.Questionnaires);
        ids.ExceptWith(Ids(TestPaths.TestQuestionnaires));
        ids.ExceptWith(ServiceWords);
        return ids;
    }

    private static IEnumerable<string> TestFiles() =>
        new[] { "SelfEval.Web.Tests", "SelfEval.Browser.Tests" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(Tests, project), "*.cs", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Tests, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The production-only ids a C# file names in its string literals.</summary>
    internal static SortedSet<string> NamedIds(string source, IReadOnlySet<string> ids) =>
        new(CSharpStrings.Literals(source).SelectMany(Words).Where(ids.Contains), StringComparer.Ordinal);

    /// <summary>
    /// The words of a literal that could be an id: runs of letters, digits and hyphens, split at "--" (<c>#mitglieder--wert</c>)
    /// and without the page's <c>frage-</c> prefix (<c>#frage-kuemmerer</c>); a run with capitals is German text, not an id,
    /// and an address on the web (<c>https://…/angebote/finanzierung</c>) is no page of the service.
    /// </summary>
    private static IEnumerable<string> Words(string literal) =>
        Word().Matches(WebAddress().Replace(literal, " ")).Select(m => m.Value).Where(w => w.All(c => !char.IsUpper(c)))
            .SelectMany(w => w.Split("--", StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.StartsWith("frage-", StringComparison.Ordinal) ? w["frage-".Length..] : w);

    [Fact]
    public void Infrastructure_tests_name_no_id_that_only_the_production_guides_have()
    {
        var ids = ProductionOnlyIds();
        var found = TestFiles().Where(f => !ContentTests.ContainsKey(f))
            .Select(f => (File: f, Ids: NamedIds(File.ReadAllText(Path.Combine(Tests, f)), ids)))
            .Where(f => f.Ids.Count > 0)
            .Select(f => $"{f.File}: {string.Join(", ", f.Ids)}")
            .ToList();

        Assert.True(found.Count == 0, "Use the fixture guides' ids (TestGuides) or list the class as a content test:\n" + string.Join("\n", found));
    }

    /// <summary>Whether a C# file's code (not its comments) loads the production guides.</summary>
    internal static bool LoadsProductionGuides(string source) =>
        ProductionLoader().IsMatch(string.Join('\n', source.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))));

    [Fact]
    public void Infrastructure_tests_never_load_the_production_guides()
    {
        // A test could answer the production guides without naming an id, through the catalogue; it is then a content test.
        var loading = TestFiles().Where(f => !ContentTests.ContainsKey(f) && !GuideLoaders.Contains(f))
            .Where(f => LoadsProductionGuides(File.ReadAllText(Path.Combine(Tests, f))))
            .ToList();

        Assert.Empty(loading);
    }

    [Fact]
    public void Every_listed_content_test_exists_and_still_uses_the_production_guides()
    {
        // An entry that is no longer needed would let an infrastructure test slip back to the production guides unseen.
        var ids = ProductionOnlyIds();
        var stale = ContentTests.Keys
            .Where(f => !File.Exists(Path.Combine(Tests, f))
                || (NamedIds(File.ReadAllText(Path.Combine(Tests, f)), ids).Count == 0 && !LoadsProductionGuides(File.ReadAllText(Path.Combine(Tests, f)))))
            .ToList();

        Assert.Empty(stale);
    }

    [Fact]
    public void The_production_only_ids_are_those_of_the_real_guides_and_not_the_fixtures()
    {
        var ids = ProductionOnlyIds();

        Assert.Contains("sich-gut-aufstellen", ids);
        Assert.Contains("kuemmerer-ansprechpersonen", ids);
        Assert.Contains("gruendungsjahr", ids);
        Assert.Contains("peer-meeting", ids);
        Assert.DoesNotContain("name", ids); // the service's own profile ids, which the fixture profile has as well
        Assert.DoesNotContain("phase", ids);
        Assert.DoesNotContain(TestGuides.Aufbau, ids);
    }

    [Fact]
    public void Ids_are_found_in_strings_of_every_kind_and_not_in_comments_code_or_german_text()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { "kuemmerer", "mitglieder", "partner", "land", "personal", "eigene-ziele" };
        const string Source = """"
            // "land" in a comment
            /* "personal" in a block comment */
            var a = "q.kuemmerer";
            var b = $"/a/{personal}/{Url("eigene-ziele")}?x={{land}}";
            var c = @"#mitglieder--wert ""quoted""";
            var d = "Kooperationspartner und Partner";
            var e = '"';
            var f = "#frage-partner";
            var g = "Siehe https://example.org/land/personal";
            """";

        Assert.Equal(["eigene-ziele", "kuemmerer", "land", "mitglieder", "partner"], NamedIds(Source, ids));
    }

    [Theory]
    [InlineData("using var f = SelfEvalFactory.WithProductionGuides();", true)]
    [InlineData("public sealed class X(ProductionGuidesFactory f) : IClassFixture<ProductionGuidesFactory>", true)]
    [InlineData("var catalog = QuestionnaireCatalog.Load(TestPaths.Questionnaires);", true)]
    [InlineData("var catalog = QuestionnaireCatalog.Load(TestPaths.TestQuestionnaires);", false)]
    [InlineData("/// Not <see cref=\"SelfEvalFactory.WithProductionGuides\"/>, which loads the real guides.", false)]
    public void Loading_the_production_guides_is_seen_in_code_and_not_in_comments(string line, bool loads) =>
        Assert.Equal(loads, LoadsProductionGuides(line));

    [GeneratedRegex(@"\{#([a-z0-9-]+)\}")]
    private static partial Regex HeadingId();

    [GeneratedRegex(@"(?m)^id:\s*""?([a-z0-9-]+)""?\s*$")]
    private static partial Regex FileId();

    [GeneratedRegex(@"\b(WithProductionGuides|ProductionGuidesFactory|TestPaths\.Questionnaires)\b")]
    private static partial Regex ProductionLoader();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"[A-Za-z0-9ÄÖÜäöüß_-]+")]
    private static partial Regex Word();
}

/// <summary>The text of a C# file's string literals, without comments, character literals or interpolation holes' code.</summary>
internal static class CSharpStrings
{
    public static List<string> Literals(string source)
    {
        var literals = new List<string>();
        Code(source, 0, literals, insideHole: false);
        return literals;
    }

    /// <summary>Reads code from <paramref name="i"/>; inside an interpolation hole it stops at the hole's closing brace.</summary>
    private static int Code(string s, int i, List<string> literals, bool insideHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1, '/'))
            {
                i = s.IndexOf('\n', i) is var end and >= 0 ? end : s.Length;
            }
            else if (c == '/' && At(s, i + 1, '*'))
            {
                i = s.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : s.Length;
            }
            else if (c == '\'')
            {
                i = CharLiteral(s, i);
            }
            else if (c == '"' || ((c == '$' || c == '@') && StringStartsAt(s, i)))
            {
                i = StringLiteral(s, i, literals);
            }
            else if (insideHole && c == '{')
            {
                depth++;
                i++;
            }
            else if (insideHole && c == '}')
            {
                if (depth-- == 0)
                {
                    return i + 1;
                }

                i++;
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static bool StringStartsAt(string s, int i)
    {
        while (i < s.Length && s[i] is '$' or '@')
        {
            i++;
        }

        return At(s, i, '"');
    }

    private static int CharLiteral(string s, int i)
    {
        var j = i + 1;
        if (At(s, j, '\\'))
        {
            j++;
        }

        j++;
        return At(s, j, '\'') ? j + 1 : i + 1;
    }

    private static int StringLiteral(string s, int i, List<string> literals)
    {
        var dollars = 0;
        var verbatim = false;
        while (s[i] is '$' or '@')
        {
            dollars += s[i] == '$' ? 1 : 0;
            verbatim |= s[i] == '@';
            i++;
        }

        var quotes = 0;
        while (At(s, i + quotes, '"'))
        {
            quotes++;
        }

        var raw = quotes >= 3;
        if (!raw)
        {
            quotes = 1;
        }

        i += quotes;
        var text = new StringBuilder();
        while (i < s.Length)
        {
            if (raw && string.CompareOrdinal(s, i, new string('"', quotes), 0, quotes) == 0)
            {
                i += quotes;
                break;
            }

            var c = s[i];
            if (!raw && c == '"')
            {
                if (verbatim && At(s, i + 1, '"'))
                {
                    text.Append('"');
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            if (!raw && !verbatim && c == '\\')
            {
                text.Append(s, i, Math.Min(2, s.Length - i));
                i += 2;
                continue;
            }

            var braces = Math.Max(1, dollars);
            if (dollars > 0 && c == '{')
            {
                if (!raw && At(s, i + 1, '{'))
                {
                    text.Append('{');
                    i += 2;
                    continue;
                }

                if (string.CompareOrdinal(s, i, new string('{', braces), 0, braces) == 0)
                {
                    // The hole's code, with any strings in it, is not this literal's text.
                    literals.Add(text.ToString());
                    text.Clear().Append(' ');
                    i = Code(s, i + braces, literals, insideHole: true) + (braces - 1);
                    continue;
                }
            }

            text.Append(c);
            i++;
        }

        literals.Add(text.ToString());
        return i;
    }
}
