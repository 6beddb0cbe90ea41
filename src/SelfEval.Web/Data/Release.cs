using System.Globalization;
using System.Reflection;

namespace SelfEval.Web.Data;

/// <summary>The release of this build (the <c>Version</c> in Directory.Build.props).</summary>
public static class Release
{
    public static string Version { get; } =
        typeof(Release).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>
    /// Orders release numbers like 1.2.0 and 1.10.0 by their numbers; a pre-release (1.2.0-rc1) comes before
    /// its release. Anything that is not a release number sorts first, so it never counts as newer.
    /// </summary>
    public static int Compare(string left, string right)
    {
        var (a, aPre) = Parse(left);
        var (b, bPre) = Parse(right);
        var byNumber = a.CompareTo(b);
        if (byNumber != 0)
        {
            return byNumber;
        }

        return (aPre, bPre) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(aPre, bPre),
        };
    }

    private static (System.Version Number, string? PreRelease) Parse(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var number = dash < 0 ? text : text[..dash];
        var parts = number.Split('.');
        if (parts.Length is < 2 or > 4 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return (new System.Version(0, 0), text);
        }

        return (System.Version.Parse(number), dash < 0 ? null : text[(dash + 1)..]);
    }
}
