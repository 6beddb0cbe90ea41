using SelfEval.Web.Tests.Licensing;

namespace SelfEval.Web.Tests;

/// <summary>THIRD-PARTY-NOTICES in the repository is what the generator makes of the packages that ship.</summary>
public sealed class ThirdPartyNoticesTests
{
    private static string Committed => Path.Combine(TestPaths.Repository, ThirdPartyNotices.FileName);

    [Fact]
    public void The_committed_third_party_notices_are_those_of_the_packages_restored_now()
    {
        var generated = ThirdPartyNotices.Generate(TestPaths.Repository);

        // The one way to refresh the file: set the variable, run this test, review and commit the diff.
        if (Environment.GetEnvironmentVariable("UPDATE_NOTICES") == "1")
        {
            File.WriteAllText(Committed, generated);
        }

        Assert.True(File.Exists(Committed), $"{ThirdPartyNotices.FileName} is missing; generate it from the repository root with\n    {ThirdPartyNotices.Regenerate}");
        var committed = File.ReadAllText(Committed).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (committed != generated)
        {
            var have = committed.Split('\n');
            var want = generated.Split('\n');
            var line = Enumerable.Range(0, Math.Max(have.Length, want.Length)).First(i => i >= have.Length || i >= want.Length || have[i] != want[i]);
            Assert.Fail(
                $"{ThirdPartyNotices.FileName} does not match the packages that ship (first difference in line {line + 1}:\n" +
                $"  committed: {(line < have.Length ? have[line] : "<end of file>")}\n" +
                $"  expected:  {(line < want.Length ? want[line] : "<end of file>")}).\n" +
                $"Regenerate it from the repository root with\n    {ThirdPartyNotices.Regenerate}\nand commit the result.");
        }
    }

    [Fact]
    public void The_notices_name_every_shipped_package_with_its_licence_and_no_test_or_bench_tooling()
    {
        var projects = RestoredPackages.SolutionProjects(TestPaths.Repository);
        var all = RestoredPackages.Read(TestPaths.Repository, projects);
        var notices = ThirdPartyNotices.Generate(TestPaths.Repository);
        var headings = notices.Split('\n').Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0])).ToHashSet(StringComparer.Ordinal);

        Assert.Contains(all, p => !p.Shipped);
        foreach (var package in all)
        {
            Assert.Equal(package.Shipped, headings.Contains($"{package.Id} {package.Version}"));
        }

        foreach (var package in all.Where(p => p.Shipped))
        {
            var entry = notices[notices.IndexOf($"\n{package.Id} {package.Version}\n", StringComparison.Ordinal)..];
            var licenceLine = entry.Split('\n').First(l => l.TrimStart().StartsWith("Licence:", StringComparison.Ordinal));
            Assert.Contains(LicencePolicy.Read(package.Nuspec).Expression!, licenceLine, StringComparison.Ordinal);
        }

        Assert.Contains("DejaVu Sans (DejaVuSans-Bold.ttf, DejaVuSans-Oblique.ttf, DejaVuSans.ttf)", notices, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved.", notices, StringComparison.Ordinal);
        Assert.Contains("DejaVu changes are in public domain.", notices, StringComparison.Ordinal);

        // Debian's packaging scripts under GPL-2+ do not ship; their stanza must not read as the fonts' licence.
        Assert.DoesNotContain("GPL-2+", notices, StringComparison.Ordinal);
        Assert.Contains("----- MIT -----", notices, StringComparison.Ordinal);
    }
}
