using System.Text.Json;
using SelfEval.Web.Tests.Licensing;

namespace SelfEval.Web.Tests;

/// <summary>
/// SelfEval is EUPL-1.2: every package any project restores — shipped, test or benchmark — must be under a
/// licence that allows that. The check reads what NuGet restored, so transitive packages count too.
/// </summary>
public sealed class LicenceTests
{
    [Fact]
    public void Every_package_restored_for_any_project_of_the_solution_has_a_licence_on_the_allow_list()
    {
        var projects = RestoredPackages.SolutionProjects(TestPaths.Repository);
        var packages = RestoredPackages.Read(TestPaths.Repository, projects);

        // Guards against a vacuous pass: the shipped projects and the test projects were both read.
        Assert.Contains(packages, p => p.Shipped);
        Assert.Contains(packages, p => p.UsedBy.Any(u => u.Project.StartsWith("tests/", StringComparison.Ordinal)));
        var offences = LicenceCheck.Offences(packages);
        Assert.True(offences is null, offences);
    }

    [Fact]
    public void An_agpl_package_fails_with_its_version_its_licence_and_every_project_that_pulls_it_in()
    {
        using var repo = new FakeRestore();
        repo.Package("Good", "1.0.0", license: "MIT", dependsOn: ("Bad", "2.0.0"));
        repo.Package("Bad", "2.0.0", license: "AGPL-3.0-only");
        repo.Package("Tool", "3.0.0", license: "Apache-2.0");
        repo.Project("src/App", direct: ["Good"], packages: ["Good/1.0.0", "Bad/2.0.0"]);
        repo.Project("tests/App.Tests", direct: ["Tool", "Bad"], packages: ["Tool/3.0.0", "Bad/2.0.0"]);

        var offences = LicenceCheck.Offences(RestoredPackages.Read(repo.Path, ["src/App", "tests/App.Tests"]));

        Assert.NotNull(offences);
        Assert.Contains("Bad 2.0.0: declares AGPL-3.0-only — its licence is not on the allow-list.", offences, StringComparison.Ordinal);
        Assert.Contains("SHIPPED by src/App (via Good → Bad)", offences, StringComparison.Ordinal);
        Assert.Contains("test/bench tooling of tests/App.Tests (direct reference)", offences, StringComparison.Ordinal);
        Assert.DoesNotContain("Good 1.0.0", offences, StringComparison.Ordinal);
        Assert.DoesNotContain("Tool", offences, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_that_only_names_an_unknown_licence_url_or_file_fails_by_name()
    {
        using var repo = new FakeRestore();
        repo.Package("Eula.Url", "1.0.0", licenseUrl: "https://example.org/eula.html");
        repo.Package("Eula.File", "1.0.0", licenseFile: ("EULA.txt", "You may use this software on one computer."));
        repo.Package("Silent", "1.0.0");
        repo.Project("bench/Bench", direct: ["Eula.Url", "Eula.File", "Silent"], packages: ["Eula.Url/1.0.0", "Eula.File/1.0.0", "Silent/1.0.0"]);

        var offences = LicenceCheck.Offences(RestoredPackages.Read(repo.Path, ["bench/Bench"]));

        Assert.NotNull(offences);
        Assert.Contains("Eula.Url 1.0.0: declares licenseUrl https://example.org/eula.html — its licence URL is in no table", offences, StringComparison.Ordinal);
        Assert.Contains("Eula.File 1.0.0: declares licence file EULA.txt (\"You may use this software on one computer.\") — its licence file is in no table", offences, StringComparison.Ordinal);
        Assert.Contains("Silent 1.0.0: declares nothing — it declares no licence at all.", offences, StringComparison.Ordinal);
        Assert.Contains("test/bench tooling of bench/Bench (direct reference)", offences, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_licence_urls_and_files_are_read_as_their_spdx_ids()
    {
        using var repo = new FakeRestore();
        repo.Package("xunit.abstractions", "2.0.3", licenseUrl: "https://raw.githubusercontent.com/xunit/xunit/master/license.txt");
        repo.Package("SourceGear.sqlite3", "3.50.4.5", licenseFile: ("LICENSE.txt", "\r\nSQLite is Public Domain\r\n\r\nhttps://sqlite.org/copyright.html\r\n"));
        repo.Project("src/App", direct: ["xunit.abstractions", "SourceGear.sqlite3"], packages: ["xunit.abstractions/2.0.3", "SourceGear.sqlite3/3.50.4.5"]);

        var packages = RestoredPackages.Read(repo.Path, ["src/App"]);

        Assert.Equal(new[] { "blessing", "Apache-2.0" }, packages.Select(p => LicencePolicy.Read(p.Nuspec).Expression).ToArray());
        Assert.Null(LicenceCheck.Offences(packages));
    }

    [Theory]
    [InlineData("MIT", true)]
    [InlineData("MS-PL OR Apache-2.0", true)]
    [InlineData("GPL-3.0-only OR MIT", true)]
    [InlineData("(MIT OR GPL-2.0-only) AND Apache-2.0", true)]
    [InlineData("MIT AND GPL-3.0-only", false)]
    [InlineData("AGPL-3.0-only", false)]
    [InlineData("AGPL-3.0-or-later", false)]
    [InlineData("SSPL-1.0", false)]
    [InlineData("LicenseRef-Proprietary", false)]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", false)]
    [InlineData("MIT OR AGPL-3.0-only AND GPL-3.0-only", true)]
    [InlineData("(MIT OR AGPL-3.0-only) AND GPL-3.0-only", false)]
    public void A_choice_needs_one_allowed_licence_and_a_combination_needs_all(string expression, bool allowed) =>
        Assert.Equal(allowed, LicencePolicy.Satisfies(expression));

    [Fact]
    public void A_malformed_expression_is_refused_rather_than_guessed()
    {
        var reading = LicencePolicy.Read(new Nuspec("MIT OR", null, null, null, null, null, []));

        Assert.False(reading.Allowed);
        Assert.StartsWith("its licence expression cannot be read", reading.Problem, StringComparison.Ordinal);
    }

    /// <summary>A repository and packages folder in the temp folder, shaped as NuGet leaves them after a restore.</summary>
    private sealed class FakeRestore : IDisposable
    {
        private readonly TempFolder _folder = TestPaths.NewTempFolder();
        private readonly Dictionary<string, (string Id, string Version, string? DependsOn)> _packages = [];

        public string Path => _folder.Path;

        private string Packages => System.IO.Path.Combine(Path, "packages");

        public void Package(
            string id,
            string version,
            string? license = null,
            string? licenseUrl = null,
            (string Name, string Text)? licenseFile = null,
            (string Id, string Version)? dependsOn = null)
        {
            var folder = System.IO.Path.Combine(Packages, id.ToLowerInvariant(), version);
            Directory.CreateDirectory(folder);
            var licenseElement = license is not null ? $"<license type=\"expression\">{license}</license>"
                : licenseFile is { } f ? $"<license type=\"file\">{f.Name}</license><licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>"
                : string.Empty;
            var urlElement = licenseUrl is not null ? $"<licenseUrl>{licenseUrl}</licenseUrl>" : string.Empty;
            File.WriteAllText(
                System.IO.Path.Combine(folder, id.ToLowerInvariant() + ".nuspec"),
                $"""<?xml version="1.0" encoding="utf-8"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>{id}</id><version>{version}</version>{licenseElement}{urlElement}</metadata></package>""");
            if (licenseFile is { } file)
            {
                File.WriteAllText(System.IO.Path.Combine(folder, file.Name), file.Text);
            }

            _packages[$"{id}/{version}"] = (id, version, dependsOn is { } d ? d.Id : null);
        }

        public void Project(string project, string[] direct, string[] packages)
        {
            var target = packages.ToDictionary(
                key => key,
                key => (object)new Dictionary<string, object>
                {
                    ["type"] = "package",
                    ["dependencies"] = _packages[key].DependsOn is { } d
                        ? new Dictionary<string, string> { [d] = _packages.Values.First(p => p.Id == d).Version }
                        : new Dictionary<string, string>(),
                });
            var libraries = packages.ToDictionary(
                key => key,
                key => (object)new Dictionary<string, object>
                {
                    ["type"] = "package",
                    ["path"] = key.ToLowerInvariant(),
                    ["files"] = new[] { _packages[key].Id.ToLowerInvariant() + ".nuspec" },
                });
            var assets = new Dictionary<string, object>
            {
                ["version"] = 3,
                ["targets"] = new Dictionary<string, object> { ["net10.0"] = target },
                ["libraries"] = libraries,
                ["packageFolders"] = new Dictionary<string, object> { [Packages + "/"] = new() },
                ["project"] = new Dictionary<string, object>
                {
                    ["frameworks"] = new Dictionary<string, object>
                    {
                        ["net10.0"] = new Dictionary<string, object> { ["dependencies"] = direct.ToDictionary(d => d, _ => (object)new { target = "Package" }) },
                    },
                },
            };
            var obj = System.IO.Path.Combine(Path, project, "obj");
            Directory.CreateDirectory(obj);
            File.WriteAllText(System.IO.Path.Combine(obj, "project.assets.json"), JsonSerializer.Serialize(assets));
        }

        public void Dispose() => _folder.Dispose();
    }
}
