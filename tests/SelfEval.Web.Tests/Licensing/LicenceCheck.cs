using System.Text;

namespace SelfEval.Web.Tests.Licensing;

/// <summary>Judges restored packages against <see cref="LicencePolicy"/> and words the failure for a person.</summary>
internal static class LicenceCheck
{
    /// <summary>Null when every package is allowed; otherwise one paragraph per offending package.</summary>
    public static string? Offences(IReadOnlyList<RestoredPackage> packages)
    {
        var offenders = packages
            .Select(p => (Package: p, Licence: LicencePolicy.Read(p.Nuspec)))
            .Where(x => !x.Licence.Allowed)
            .OrderByDescending(x => x.Package.Shipped)
            .ToList();
        if (offenders.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.AppendLine($"{offenders.Count} package(s) with a licence SelfEval (EUPL-1.2) may not depend on; allowed: {string.Join(", ", LicencePolicy.Allowed.Keys)}.");
        foreach (var (package, licence) in offenders)
        {
            text.AppendLine();
            text.AppendLine($"{package.Id} {package.Version}: declares {licence.Declared} — {licence.Problem}.");
            foreach (var use in package.UsedBy.OrderByDescending(u => u.Shipped).ThenBy(u => u.Project, StringComparer.Ordinal))
            {
                var role = use.Shipped ? "SHIPPED by" : "test/bench tooling of";
                text.AppendLine($"    {role} {use.Project} ({use.Via})");
            }
        }

        text.AppendLine();
        text.Append("Replace or drop the package, or pin a version under an allowed licence in Directory.Packages.props.");
        return text.ToString();
    }
}
