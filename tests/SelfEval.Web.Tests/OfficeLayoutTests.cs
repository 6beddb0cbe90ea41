using System.Text.RegularExpressions;

namespace SelfEval.Web.Tests;

/// <summary>The office's login page and the stylesheet rules that keep the office pages usable on a phone.</summary>
public sealed class OfficeLayoutTests(SelfEvalFactory factory) : IClassFixture<SelfEvalFactory>
{
    /// <summary>Every rule of the stylesheets as (selector, declarations), comments removed; rules inside @media included.</summary>
    internal static List<(string Selector, Dictionary<string, string> Declarations)> Rules()
    {
        var folder = Path.Combine(TestPaths.Repository, "src", "SelfEval.Web", "wwwroot", "css");
        var css = string.Concat(Directory.GetFiles(folder, "*.css").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        css = Regex.Replace(css, @"/\*.*?\*/", string.Empty, RegexOptions.Singleline);
        return Regex.Matches(css, @"([^{}]+)\{([^{}]*)\}")
            .SelectMany(m => m.Groups[1].Value.Split(',').Select(s => (
                Selector: Regex.Replace(s.Trim(), @"\s+", " "),
                Declarations: m.Groups[2].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(d => d.Split(':', 2, StringSplitOptions.TrimEntries)).Where(d => d.Length == 2)
                    .ToDictionary(d => d[0], d => d[1], StringComparer.Ordinal))))
            .ToList();
    }

    [Fact]
    public async Task The_login_page_has_a_labelled_password_field_for_password_managers_and_no_developer_commands()
    {
        var page = await factory.CreateClient().PageAsync("/servicestelle/anmelden");

        var password = page.QuerySelector("form.login input#Password")!;
        Assert.Equal("password", password.GetAttribute("type"));
        Assert.Equal("current-password", password.GetAttribute("autocomplete"));
        Assert.True(password.HasAttribute("required"));
        Assert.Equal("Passwort", page.QuerySelector("label[for=Password]")!.TextContent.Trim());
        Assert.Equal("username", page.QuerySelector("input#Name")!.GetAttribute("autocomplete"));
        var text = page.QuerySelector("main")!.TextContent;
        foreach (var command in new[] { "dotnet", "add-office-user", "--project", "src/SelfEval.Web" })
        {
            Assert.DoesNotContain(command, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(page.QuerySelectorAll("main code"));
    }

    [Fact]
    public void The_password_field_looks_like_the_text_fields_and_shows_its_focus()
    {
        var rules = Rules();
        var text = rules.Single(r => r.Selector == "input[type=text]").Declarations;
        var password = rules.Where(r => Regex.IsMatch(r.Selector, @"input\[type=password\]$")).ToList();

        foreach (var property in new[] { "font", "width", "padding", "border", "border-radius" })
        {
            Assert.Contains(password, r => r.Declarations.GetValueOrDefault(property) == text[property]);
        }

        // The yellow focus ring alone has too little contrast on white (about 1.7:1); a dark ring beside it makes the focus visible.
        var focus = rules.Where(r => Regex.IsMatch(r.Selector, @"^\.login input(\[type=password\])?:focus-visible$")).ToList();
        Assert.Contains(focus, r => r.Declarations.TryGetValue("outline", out var outline) && outline.StartsWith("3px solid", StringComparison.Ordinal));
        Assert.Contains(focus, r => r.Declarations.TryGetValue("box-shadow", out var shadow) && shadow.Contains("var(--ink)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_scroll_box_scrolls_sideways_inside_itself()
    {
        var rules = Rules().Where(r => r.Selector == ".table-scroll").ToList();

        Assert.Contains(rules, r => r.Declarations.GetValueOrDefault("overflow-x") == "auto");
        Assert.Contains(rules, r => r.Declarations.GetValueOrDefault("max-width") == "100%");
    }
}
