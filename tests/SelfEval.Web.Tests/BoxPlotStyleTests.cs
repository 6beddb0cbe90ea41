using System.Text.RegularExpressions;

namespace SelfEval.Web.Tests;

/// <summary>
/// The paper form's tick boxes and the office's box plots share the class name "box"; a CSS width meant for a tick box
/// overrides an SVG rect's width attribute, which drew every box plot the same width.
/// </summary>
public sealed class BoxPlotStyleTests
{
    private static IEnumerable<string> Selectors(string css)
    {
        css = Regex.Replace(css, @"/\*.*?\*/", string.Empty, RegexOptions.Singleline);
        // A selector list is what precedes "{" after the previous block or declaration ended; at-rules are skipped.
        return Regex.Matches(css, @"(?<=^|[{};])\s*([^{}@;]+?)\s*\{")
            .SelectMany(m => m.Groups[1].Value.Split(','))
            .Select(s => Regex.Replace(s.Trim(), @"\s+", " "));
    }

    [Fact]
    public void No_rule_for_the_paper_forms_tick_box_can_match_an_element_of_a_box_plot()
    {
        var folder = Path.Combine(TestPaths.Repository, "src", "SelfEval.Web", "wwwroot", "css");
        var selectors = Directory.GetFiles(folder, "*.css").SelectMany(f => Selectors(File.ReadAllText(f))).ToList();
        var naming = selectors.Where(s => Regex.IsMatch(s, @"\.box(?![\w-])")).ToList();

        Assert.Contains(naming, s => s.StartsWith("svg.boxplot ", StringComparison.Ordinal));
        Assert.Contains(naming, s => !s.StartsWith("svg.boxplot ", StringComparison.Ordinal)); // the tick box is still styled
        Assert.All(
            naming.Where(s => !s.StartsWith("svg.boxplot ", StringComparison.Ordinal)),
            s => Assert.Matches(@"(^|[ >+~])span\.box(?![\w-])", s)); // an HTML span, never an SVG rect
    }
}
