using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SelfEval.Web.Tests.Licensing;

/// <summary>What a package's .nuspec says about its licence and origin.</summary>
internal sealed record Nuspec(
    string? LicenseExpression,
    string? LicenseFile,
    string? LicenseFileText,
    string? LicenseUrl,
    string? ProjectUrl,
    string? Copyright,
    IReadOnlyList<string> NoticeFiles);

/// <summary>One project that pulls a package in, and the chain of references from the project to it.</summary>
internal sealed record PackageUse(string Project, IReadOnlyList<string> Chain)
{
    /// <summary>Only what is under src/ ends up in the service; tests and bench are tooling.</summary>
    public bool Shipped => Project.StartsWith("src/", StringComparison.Ordinal);

    public string Via => Chain.Count <= 1 ? "direct reference" : "via " + string.Join(" → ", Chain);
}

/// <summary>A package id and version as restored, with its metadata and every project that uses it.</summary>
internal sealed record RestoredPackage(string Id, string Version, Nuspec Nuspec, IReadOnlyList<PackageUse> UsedBy)
{
    public bool Shipped => UsedBy.Any(u => u.Shipped);
}

/// <summary>
/// Reads the packages NuGet actually restored — obj/project.assets.json of each project and the .nuspec
/// files in the packages folder it names — so the check sees transitive packages exactly as the build does.
/// </summary>
internal static partial class RestoredPackages
{
    /// <summary>The projects of the solution file, repository-relative with forward slashes (e.g. "src/SelfEval.Web").</summary>
    public static IReadOnlyList<string> SolutionProjects(string repository)
    {
        var solution = File.ReadAllText(Path.Combine(repository, "SelfEval.sln"));
        return ProjectLine().Matches(solution)
            .Select(m => Path.GetDirectoryName(m.Groups[1].Value.Replace('\\', '/'))!.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"^Project\(""\{[0-9A-Fa-f-]+\}""\) = ""[^""]+"", ""([^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();

    public static IReadOnlyList<RestoredPackage> Read(string repository, IEnumerable<string> projects)
    {
        var uses = new Dictionary<(string Id, string Version), (string Nuspec, string Folder, List<string> Files, List<PackageUse> Uses)>();
        foreach (var project in projects)
        {
            var assetsFile = Path.Combine(repository, project, "obj", "project.assets.json");
            if (!File.Exists(assetsFile))
            {
                throw new InvalidOperationException(
                    $"{project} has not been restored ({project}/obj/project.assets.json is missing): run `dotnet restore SelfEval.sln` first.");
            }

            using var assets = JsonDocument.Parse(File.ReadAllBytes(assetsFile));
            var root = assets.RootElement;
            var folders = root.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
            var libraries = root.GetProperty("libraries");
            foreach (var target in root.GetProperty("targets").EnumerateObject())
            {
                var chains = Chains(root, target);
                foreach (var entry in target.Value.EnumerateObject())
                {
                    if (entry.Value.GetProperty("type").GetString() != "package")
                    {
                        continue;
                    }

                    var (id, version) = Split(entry.Name);
                    if (!uses.TryGetValue((id, version), out var package))
                    {
                        var library = libraries.GetProperty(entry.Name);
                        var path = library.GetProperty("path").GetString()!;
                        var files = library.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
                        var nuspecName = files.Single(f => f.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
                        var folder = folders.Select(f => Path.Combine(f, path)).FirstOrDefault(f => File.Exists(Path.Combine(f, nuspecName)))
                            ?? throw new InvalidOperationException(
                                $"The .nuspec of {id} {version} ({project}) is in none of the package folders {string.Join(", ", folders)}: run `dotnet restore SelfEval.sln` first.");
                        package = (Path.Combine(folder, nuspecName), folder, files, []);
                        uses[(id, version)] = package;
                    }

                    var chain = chains.TryGetValue(id, out var c) ? c : [id];
                    if (!package.Uses.Any(u => u.Project == project))
                    {
                        package.Uses.Add(new PackageUse(project, chain));
                    }
                }
            }
        }

        return uses
            .OrderBy(p => p.Key.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Key.Version, StringComparer.Ordinal)
            .Select(p => new RestoredPackage(p.Key.Id, p.Key.Version, ReadNuspec(p.Value.Nuspec, p.Value.Folder, p.Value.Files), p.Value.Uses))
            .ToList();
    }

    private static (string Id, string Version) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>
    /// The shortest chain of references from the project to each package of a target, so a failure can say
    /// which of the project's own references drags an unwanted package in.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> Chains(JsonElement root, JsonProperty target)
    {
        var dependencies = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var dependedOn = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in target.Value.EnumerateObject())
        {
            var names = entry.Value.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(x => x.Name).ToList() : [];
            dependencies[Split(entry.Name).Id] = names;
            dependedOn.UnionWith(names);
        }

        // Roots: what the project references itself, and whatever nothing else depends on (project references).
        var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var framework in root.GetProperty("project").GetProperty("frameworks").EnumerateObject())
        {
            if (target.Name.StartsWith(framework.Name, StringComparison.OrdinalIgnoreCase) && framework.Value.TryGetProperty("dependencies", out var own))
            {
                direct.UnionWith(own.EnumerateObject().Select(x => x.Name));
            }
        }

        direct.UnionWith(dependencies.Keys.Where(k => !dependedOn.Contains(k)));
        var chains = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>();
        foreach (var name in direct.Where(dependencies.ContainsKey).Order(StringComparer.Ordinal))
        {
            chains[name] = [name];
            queue.Enqueue(name);
        }

        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            foreach (var next in dependencies[name].Where(n => dependencies.ContainsKey(n) && !chains.ContainsKey(n)))
            {
                chains[next] = [.. chains[name], next];
                queue.Enqueue(next);
            }
        }

        return chains;
    }

    private static Nuspec ReadNuspec(string file, string folder, IReadOnlyList<string> files)
    {
        var metadata = XDocument.Load(file).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } v ? v : null;
        var license = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
        var type = license?.Attribute("type")?.Value;
        var expression = type == "expression" ? license!.Value.Trim() : null;
        var licenseFile = type == "file" ? license!.Value.Trim().Replace('\\', '/') : null;
        var licenseFileText = licenseFile is null ? null : File.ReadAllText(Path.Combine(folder, licenseFile));
        var repository = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository")?.Attribute("url")?.Value;
        var notices = files
            .Where(f => !f.Contains('/', StringComparison.Ordinal)
                && (f.StartsWith("THIRD-PARTY-NOTICE", StringComparison.OrdinalIgnoreCase) || f.StartsWith("NOTICE", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Nuspec(expression, licenseFile, licenseFileText, Value("licenseUrl"), Value("projectUrl") ?? repository, Value("copyright"), notices);
    }
}
