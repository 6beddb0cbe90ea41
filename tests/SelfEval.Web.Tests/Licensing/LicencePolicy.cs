using System.Security.Cryptography;
using System.Text;

namespace SelfEval.Web.Tests.Licensing;

/// <summary>A package's licence as read from its metadata: the SPDX expression (if one could be found) and how.</summary>
internal sealed record LicenceReading(string? Expression, string Declared, string Basis, string? Problem)
{
    public bool Allowed => Problem is null;
}

/// <summary>
/// Which licences SelfEval (EUPL-1.2) may depend on, and how licences that a package does not state as an
/// SPDX expression are recognised. Anything not on these lists fails: a new licence is a decision, not a default.
/// </summary>
internal static class LicencePolicy
{
    /// <summary>SPDX identifiers a package may be under, each with the reason it is compatible.</summary>
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // Permissive: may be combined into an EUPL-1.2 work; only the notice has to travel with it.
        ["MIT"] = "permissive",
        ["Apache-2.0"] = "permissive, with a patent grant",
        ["BSD-2-Clause"] = "permissive",
        ["BSD-3-Clause"] = "permissive",
        // Permissive apart from keeping its own terms for its own source; CsvHelper offers it beside Apache-2.0.
        ["MS-PL"] = "permissive for a combined work",
        // A font licence: it covers the fonts, not documents or programs that use them.
        ["OFL-1.1"] = "fonts",
        // File-level weak copyleft and named as compatible in the EUPL-1.2 appendix (axe-core in the browser tests).
        ["MPL-2.0"] = "weak copyleft, EUPL-compatible",
        // SQLite's public-domain dedication (the blessing in every SQLite source file): no conditions at all.
        ["blessing"] = "public domain",
    };

    /// <summary>
    /// Licence URLs of packages that predate SPDX expressions in nuspecs, with the SPDX id each stands for.
    /// Only URLs whose licence was checked belong here; any other URL fails and names the package.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> LicenceUrls = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // xunit.abstractions 2.0.3 (2018) points at xUnit.net's licence file; xUnit.net is Apache-2.0, as every
        // later package of the project (xunit, xunit.core, xunit.assert 2.9.3 …) declares as an expression.
        ["https://raw.githubusercontent.com/xunit/xunit/master/license.txt"] = "Apache-2.0",
    };

    /// <summary>
    /// Licence files packed into packages, by the SHA-256 of their text (line ends as LF, trimmed), with the
    /// SPDX id each stands for. Keyed by content so a changed file is read again by a person.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> LicenceFiles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // SourceGear.sqlite3 (the native SQLite): "SQLite is Public Domain / https://sqlite.org/copyright.html".
        // SQLite's public-domain dedication is the blessing in its sources, which SPDX names "blessing".
        ["17b02af7ea391c7f1ceb8d31388298b8e3f4b14b38b0a00af48eb960cdacf5a5"] = "blessing",
    };

    public static LicenceReading Read(Nuspec nuspec)
    {
        if (nuspec.LicenseExpression is { } expression)
        {
            return Judge(expression, expression, "licence expression in the nuspec");
        }

        if (nuspec.LicenseFile is { } file)
        {
            var text = Normalise(nuspec.LicenseFileText ?? string.Empty);
            var declared = $"licence file {file} (\"{Excerpt(text)}\")";
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            return LicenceFiles.TryGetValue(hash, out var id)
                ? Judge(id, declared, $"licence file {file}, recognised as {id}")
                : new LicenceReading(null, declared, "licence file",
                    $"its licence file is in no table (SHA-256 {hash}); read it, and if acceptable add it to LicencePolicy.LicenceFiles with a reason");
        }

        if (nuspec.LicenseUrl is { } url)
        {
            var declared = $"licenseUrl {url}";
            return LicenceUrls.TryGetValue(url, out var id)
                ? Judge(id, declared, $"licenseUrl, recognised as {id}")
                : new LicenceReading(null, declared, "licenseUrl",
                    "its licence URL is in no table; read the licence, and if acceptable add the URL to LicencePolicy.LicenceUrls with a reason");
        }

        return new LicenceReading(null, "nothing", "none", "it declares no licence at all");
    }

    private static LicenceReading Judge(string expression, string declared, string basis)
    {
        try
        {
            return Satisfies(expression)
                ? new LicenceReading(expression, declared, basis, null)
                : new LicenceReading(expression, declared, basis, "its licence is not on the allow-list");
        }
        catch (FormatException e)
        {
            return new LicenceReading(null, declared, basis, "its licence expression cannot be read: " + e.Message);
        }
    }

    /// <summary>
    /// Whether an SPDX expression leaves a way to use the package under allowed licences only: a choice (OR)
    /// needs one allowed side, a combination (AND) needs all. An exception (WITH) is never assumed harmless.
    /// </summary>
    public static bool Satisfies(string expression)
    {
        var parser = new Parser(expression);
        var allowed = parser.Or();
        parser.End();
        return allowed;
    }

    /// <summary>The licence identifiers an expression names, for the licence texts of the notices.</summary>
    public static IEnumerable<string> Identifiers(string expression) =>
        expression.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t is not ("AND" or "OR" or "WITH"));

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 80 ? flat : flat[..77] + "...";
    }

    /// <summary>SPDX expression grammar, precedence as in the SPDX spec: WITH, then AND, then OR.</summary>
    private sealed class Parser(string expression)
    {
        private readonly string[] _tokens = expression.Replace("(", " ( ", StringComparison.Ordinal).Replace(")", " ) ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        private int _at;

        public bool Or()
        {
            var allowed = And();
            while (Accept("OR"))
            {
                allowed |= And();
            }

            return allowed;
        }

        public void End()
        {
            if (_at != _tokens.Length)
            {
                throw new FormatException($"unexpected '{_tokens[_at]}' in \"{expression}\"");
            }
        }

        private bool And()
        {
            var allowed = Term();
            while (Accept("AND"))
            {
                allowed &= Term();
            }

            return allowed;
        }

        private bool Term()
        {
            if (Accept("("))
            {
                var allowed = Or();
                if (!Accept(")"))
                {
                    throw new FormatException($"missing ')' in \"{expression}\"");
                }

                return allowed;
            }

            if (_at >= _tokens.Length || _tokens[_at] is "AND" or "OR" or "WITH" or ")")
            {
                throw new FormatException($"licence identifier expected in \"{expression}\"");
            }

            var id = _tokens[_at++];
            if (Accept("WITH"))
            {
                if (_at >= _tokens.Length)
                {
                    throw new FormatException($"exception identifier expected in \"{expression}\"");
                }

                _at++;
                return false;
            }

            return Allowed.ContainsKey(id);
        }

        private bool Accept(string token)
        {
            if (_at < _tokens.Length && _tokens[_at] == token)
            {
                _at++;
                return true;
            }

            return false;
        }
    }
}
