using SelfEval.Scoring.Loading;

namespace SelfEval.Scoring.Tests.Loading;

/// <summary>The service start and validate rely on errors, never exceptions, whatever an author saved.</summary>
public sealed class LoaderNeverThrowsTests
{
    public static TheoryData<string> AllFixtures() =>
        new(Directory.EnumerateFiles(Fixtures.PathOf(string.Empty), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Fixtures.PathOf(string.Empty), f))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Every_fixture_loads_to_a_result_not_an_exception(string fixture)
    {
        var result = Fixtures.Load(fixture);

        Assert.True(result.Success || result.Errors.All(e => e.Line >= 1 && e.Message.Length > 0));
    }

    // Mutations of the kind that found the crashes: a line dropped, bracketed, capitalised, fenced or cut.
    [Fact]
    public void No_mutation_of_a_line_of_the_minimal_guide_throws()
    {
        var lines = Fixtures.Text("minimal.md").Split('\n');
        var mutations = new Func<string, string>[]
        {
            _ => string.Empty,
            l => l.Replace(":", "]:", StringComparison.Ordinal).Insert(l.Length - l.TrimStart().Length, "["),
            l => l.Length > 2 ? char.ToUpperInvariant(l[0]) + l[1..] : l,
            l => "```\n" + l,
            l => l[..(l.Length / 2)],
            l => "\t" + l,
            l => l + " {#x}",
            l => l.Replace("-", "\u200B-", StringComparison.Ordinal),
        };

        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var mutate in mutations)
            {
                var mutated = lines.ToArray();
                mutated[i] = mutate(lines[i]);
                var text = string.Join('\n', mutated);

                var exception = Record.Exception(() => Fixtures.LoadText("mutiert.md", text));

                Assert.True(exception is null, $"Zeile {i + 1} '{mutated[i]}': {exception}");
            }
        }
    }
}
