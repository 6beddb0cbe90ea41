using System.Text.RegularExpressions;

namespace SelfEval.Web.Tests;

/// <summary>The Teamgespräch's large-type view is for a projector: it uses the screen's width (checked by eye at 1920×1080).</summary>
public sealed class ProjectorStyleTests
{
    private static readonly List<(string Selector, Dictionary<string, string> Declarations)> Rules = OfficeLayoutTests.Rules();

    [Fact]
    public void The_large_view_takes_the_screens_width_with_header_and_footer_instead_of_a_fixed_column()
    {
        var wide = Rules.Where(r => r.Selector == "body:has(.conversation.large) .wrap").ToList();
        Assert.Contains(wide, r => r.Declarations.GetValueOrDefault("max-width") == "none");

        // No rule of the large view caps the page at a fixed width again.
        var capped = Rules.Where(r => r.Selector.Contains(":has(.conversation.large)", StringComparison.Ordinal)
            && r.Declarations.TryGetValue("max-width", out var max) && Regex.IsMatch(max, @"^\d+(\.\d+)?(rem|px|em)$")).ToList();
        Assert.True(capped.Count == 0, string.Join(", ", capped.Select(r => r.Selector)));
    }
}
