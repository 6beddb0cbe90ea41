using AngleSharp.Html.Parser;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Tests;

/// <summary>
/// The renderer shows the legal pages the office edits in the browser and the guides many hands write: nothing in
/// their Markdown may run a script in a reader's browser.
/// </summary>
public sealed class MarkdownSafetyTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown) =>
        new HtmlParser().ParseDocument(new MarkdownRenderer().Render(markdown).ToString()!);

    [Theory]
    [InlineData("[Hier klicken](javascript:alert(1))")]
    [InlineData("[Hier klicken](JavaScript:alert(1))")]
    [InlineData("[Hier klicken](&#106;avascript:alert(1))")]
    [InlineData("[Hier klicken](java&#9;script:alert(1))")]
    [InlineData("[Hier klicken](vbscript:msgbox(1))")]
    [InlineData("[Hier klicken](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[Hier klicken][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("![Bild](javascript:alert(1))")]
    public void Addresses_that_run_scripts_are_not_links(string markdown)
    {
        var html = Render(markdown);
        foreach (var element in html.QuerySelectorAll("[href], [src]"))
        {
            var address = element.GetAttribute("href") ?? element.GetAttribute("src")!;
            Assert.True(MarkdownRenderer.IsSafeAddress(address), address);
            Assert.DoesNotContain("script", address, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:", address, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Text <a href=\"javascript:alert(1)\">Link</a>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("[Text](https://example.org \"\\\" onmouseover=\\\"alert(1)\")")]
    public void Raw_html_is_shown_as_text(string markdown)
    {
        var html = Render(markdown);
        Assert.Empty(html.QuerySelectorAll("script, iframe, img[onerror], [onmouseover], a[href^=javascript]"));
    }

    [Theory]
    [InlineData("[Web](https://www.schlichtungsstelle-bgg.de)", "https://www.schlichtungsstelle-bgg.de")]
    [InlineData("[Mail](mailto:barrierefreiheit@example.org)", "mailto:barrierefreiheit@example.org")]
    [InlineData("[Telefon](tel:+49301234)", "tel:+49301234")]
    [InlineData("[Datenschutz](/datenschutz)", "/datenschutz")]
    [InlineData("[Abschnitt](#kontakt)", "#kontakt")]
    [InlineData("<https://example.org/a?b=c:d>", "https://example.org/a?b=c:d")]
    public void Ordinary_links_stay_links(string markdown, string address)
    {
        Assert.Equal(address, Render(markdown).QuerySelector("a")!.GetAttribute("href"));
    }
}
