namespace SelfEval.Browser.Tests;

/// <summary>The office manages its accounts in the workbench: every page checked with axe, on a desk and on a phone.</summary>
[Collection("browser")]
public sealed class AccountJourneys(BrowserFixture browser)
{
    private readonly Journeys _journeys = new(browser);

    [Theory]
    [InlineData(1280, 900, false, "6-01-zugaenge")]
    [InlineData(375, 800, true, "6-02-zugaenge-telefon")]
    public async Task The_office_creates_an_account_gives_it_a_new_password_and_disables_it(int width, int height, bool mobile, string shot)
    {
        var page = await browser.NewPageAsync(width, height, mobile: mobile);
        var name = mobile ? "conrad-telefon" : "conrad";
        await page.GotoAsync(_journeys.Url("/servicestelle/anmelden"));
        await page.FillAsync("#Name", "berta");
        await page.FillAsync("#Password", BrowserFixture.OfficePassword);
        await page.ClickAsync("button:has-text('Anmelden')");
        await page.WaitForSelectorAsync("h1:has-text('Anonyme Auswertung')");

        await page.ClickAsync("a:has-text('Zugänge')");
        await page.WaitForSelectorAsync("h1:has-text('Zugänge')");
        await _journeys.AccessibleAsync(page);

        await page.ClickAsync("a:has-text('Neuen Zugang anlegen')");
        await _journeys.AccessibleAsync(page);
        await page.FillAsync("#Name", name);
        await page.FillAsync("#Password", "ein-langes-passwort");
        await page.FillAsync("#PasswordRepeated", "ein-anderes-passwort");
        await page.ClickAsync("button:has-text('Zugang anlegen')");
        await page.WaitForSelectorAsync(".error-summary");
        await _journeys.AccessibleAsync(page);
        await page.FillAsync("#Password", "ein-langes-passwort");
        await page.FillAsync("#PasswordRepeated", "ein-langes-passwort");
        await page.ClickAsync("button:has-text('Zugang anlegen')");
        await page.WaitForSelectorAsync(".notice.success");

        await page.ClickAsync("a.button:has-text('Zu den Zugängen')");
        var row = page.Locator("tr", new() { Has = page.Locator($"th:text-is('{name}')") });
        await row.Locator("a:has-text('Neues Passwort')").ClickAsync();
        await _journeys.AccessibleAsync(page);
        await page.FillAsync("#Password", "ein-neues-langes-passwort");
        await page.FillAsync("#PasswordRepeated", "ein-neues-langes-passwort");
        await page.ClickAsync("button:has-text('Neues Passwort setzen')");
        await page.WaitForSelectorAsync(".notice.success");

        await page.ClickAsync("a.button:has-text('Zu den Zugängen')");
        await row.Locator("a:has-text('Sperren')").ClickAsync();
        await _journeys.AccessibleAsync(page);
        await page.ClickAsync("button:has-text('sperren')");
        await page.WaitForSelectorAsync(".notice.success");
        await page.ClickAsync("a.button:has-text('Zu den Zugängen')");
        Assert.StartsWith("gesperrt seit", (await row.Locator("td").Nth(2).TextContentAsync())!.Trim(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await _journeys.AccessibleAsync(page);
        await Journeys.ShotAsync(page, shot);
    }
}
