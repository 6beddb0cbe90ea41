using Microsoft.Playwright;

namespace SelfEval.Browser.Tests;

/// <summary>The office previews the published guide as different initiatives would see it, and the profile it gives.</summary>
[Collection("browser")]
public sealed class PreviewJourneys(BrowserFixture browser)
{
    private readonly Journeys _steps = new(browser);

    private async Task<IPage> OfficeAsync(int width, int height, bool mobile, bool javaScript)
    {
        var page = await browser.NewPageAsync(width, height, javaScript: javaScript, mobile: mobile);
        await page.GotoAsync(_steps.Url("/servicestelle/anmelden"));
        await page.FillAsync("#Name", "berta");
        await page.FillAsync("#Password", BrowserFixture.OfficePassword);
        await page.ClickAsync("button:has-text('Anmelden')");
        await page.WaitForSelectorAsync("h1:has-text('Anonyme Auswertung')");
        return page;
    }

    [Theory]
    [InlineData(1280, 900, false, "7-01-vorschau")]
    [InlineData(390, 844, true, "7-02-vorschau-telefon")]
    public async Task Without_javascript_the_office_sees_what_a_founding_team_and_an_established_initiative_are_asked(int width, int height, bool mobile, string shot)
    {
        var page = await OfficeAsync(width, height, mobile, javaScript: false);
        await page.GotoAsync(_steps.Url("/servicestelle/leitfaeden/sich-gut-aufstellen/vorschau/mitgliederbindung"));

        await page.ClickAsync(".presets a:has-text('Gründungsteam')");
        Assert.True(await page.Locator("#frage-neue-mitglieder-einbinden").IsHiddenAsync(), "not asked of a founding team");
        Assert.Equal(1, await page.Locator("[data-not-asked=neue-mitglieder-einbinden]").CountAsync());

        await page.ClickAsync(".presets a:has-text('Etablierte Initiative')");
        Assert.True(await page.Locator("#frage-neue-mitglieder-einbinden").IsVisibleAsync(), "asked of an established initiative");
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"the page is {pageWidth} px wide on a {width} px screen");
        await Journeys.ShotAsync(page, shot);
        await _steps.AccessibleAsync(page);

        await page.ClickAsync("a:has-text('Profil aus Beispielantworten')");
        await page.CheckAsync("#antworten-DividedTeam");
        await page.ClickAsync("button:has-text('Profil zeigen')");
        await page.WaitForSelectorAsync("h2:has-text('Geteiltes Team')");
        Assert.True(await page.Locator(".discuss-preview li").CountAsync() > 0, "a divided team has questions to talk about");
        await Journeys.ShotAsync(page, shot + "-profil");
        await _steps.AccessibleAsync(page);

        await page.ClickAsync("a:has-text('Leerer Fragebogen zum Drucken')");
        await page.WaitForSelectorAsync("article.blank");
        await _steps.AccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
