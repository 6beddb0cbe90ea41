using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfEval.Web.Tests;

/// <summary>The stylesheet keeps keyboard use visible and in reading order.</summary>
public sealed class FocusStyleTests
{
    private static readonly List<(string Selector, Dictionary<string, string> Declarations)> Rules = OfficeLayoutTests.Rules();

    /// <summary>A colour as written, with var(--x) followed through :root.</summary>
    private static string Colour(string value)
    {
        var root = Rules.Where(r => r.Selector == ":root").SelectMany(r => r.Declarations).Where(d => d.Key.StartsWith("--", StringComparison.Ordinal))
            .GroupBy(d => d.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        for (var m = Regex.Match(value, @"var\((--[\w-]+)\)"); m.Success; m = Regex.Match(value, @"var\((--[\w-]+)\)"))
        {
            value = value.Replace(m.Value, root[m.Groups[1].Value], StringComparison.Ordinal);
        }

        var hex = Regex.Match(value, "#[0-9a-fA-F]{6}").Value;
        Assert.False(string.IsNullOrEmpty(hex), value);
        return hex;
    }

    private static double Pixels(string value) => double.Parse(Regex.Match(value, @"(\d+(\.\d+)?)px").Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Every_focus_ring_has_a_part_with_at_least_3_to_1_on_white_touching_the_yellow()
    {
        var rings = Rules.Where(r => r.Selector.Contains(":focus", StringComparison.Ordinal) && r.Declarations.ContainsKey("outline")).ToList();
        Assert.True(rings.Count >= 3, string.Join(", ", rings.Select(r => r.Selector)));

        Assert.All(rings, r =>
        {
            var outline = Colour(r.Declarations["outline"]);
            if (ProfilePageTests.Contrast(outline, "#ffffff") >= 3)
            {
                return;
            }

            // The yellow alone is about 1.7:1 on white: a dark ring fills the gap between the element and the yellow.
            Assert.True(r.Declarations.TryGetValue("box-shadow", out var shadow), $"{r.Selector}: {r.Declarations["outline"]} without a dark ring");
            var inner = Colour(shadow);
            Assert.True(ProfilePageTests.Contrast(inner, "#ffffff") >= 3, $"{r.Selector}: {inner} {ProfilePageTests.Contrast(inner, "#ffffff"):0.00}:1");
            Assert.True(ProfilePageTests.Contrast(inner, outline) >= 3, $"{r.Selector}: the two rings {inner} and {outline} blur into one");
            var offset = r.Declarations.TryGetValue("outline-offset", out var o) ? Pixels(o) : 0;
            Assert.True(Pixels(shadow.Split(' ')[^2]) >= offset, $"{r.Selector}: a white gap between the rings");
        });
    }

    [Fact]
    public void No_rule_reorders_what_is_seen_against_the_order_of_the_page_so_tab_follows_the_eye()
    {
        Assert.DoesNotContain(Rules, r => r.Declarations.GetValueOrDefault("flex-direction")?.EndsWith("reverse", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Rules, r => r.Declarations.ContainsKey("order"));
    }
}
