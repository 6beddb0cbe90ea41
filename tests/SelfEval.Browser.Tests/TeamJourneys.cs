using Microsoft.Playwright;

namespace SelfEval.Browser.Tests;

/// <summary>
/// The team's way through a round as a coordinator and members take it: joining, a lost link, a duplicate, people
/// management, closing with care, the released team profile and the team conversation with its action plan, on a phone,
/// a projector and with the keyboard, each page checked with axe.
/// </summary>
[Collection("browser")]
public sealed class TeamJourneys(BrowserFixture browser)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private readonly Journeys _steps = new(browser);

    private Task<IPage> PhoneAsync() => browser.NewPageAsync(PhoneWidth, PhoneHeight, mobile: true);

    /// <summary>A page on the phone: nothing scrolls sideways, axe finds nothing serious, and a screenshot when named.</summary>
    private async Task FitsThePhoneAsync(IPage page, string? shot = null)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var viewport = await page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(width <= viewport, $"{page.Url} is {width} px wide on a {viewport} px phone");
        if (shot is not null)
        {
            await Journeys.ShotAsync(page, shot);
        }

        await _steps.AccessibleAsync(page);
    }

    private static async Task<string> JoinAsync(IPage page, string invite, string label)
    {
        await page.GotoAsync(invite);
        await page.FillAsync("#Label", label);
        await page.ClickAsync("button:has-text('Teilnehmen')");
        await page.WaitForURLAsync("**/eigene-ziele**");
        return await page.InputValueAsync("#persoenlicher-link");
    }

    private static async Task FinishAsync(IPage page, Func<int, int> pick)
    {
        await Journeys.WalkAsync(page, pick);
        await page.ClickAsync("button:has-text('Abschließen')");
        await page.WaitForSelectorAsync("h1:has-text('Vielen Dank')");
    }

    /// <summary>The coordinator's action on one person, from the row of the team table that names them.</summary>
    private static ILocator RowAction(IPage page, string person, string action, int nth = 0) =>
        page.Locator("table.respondents tbody tr").Filter(new() { Has = page.Locator("td[data-label=Person]", new() { HasTextRegex = new($"^{System.Text.RegularExpressions.Regex.Escape(person)}$") }) })
            .Nth(nth).Locator($"a:has-text('{action}')");

    [Fact]
    public async Task On_a_phone_a_founding_team_joins_loses_a_link_gets_a_duplicate_merged_and_sees_the_released_team_profile()
    {
        // The coordinator does everything on a phone, from the start page on.
        var coordinator = await PhoneAsync();
        await coordinator.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = browser.BaseUrl.TrimEnd('/') });
        foreach (var path in new[] { "/", "/start/sich-gut-aufstellen" })
        {
            await coordinator.GotoAsync(_steps.Url(path));
            await FitsThePhoneAsync(coordinator);
        }

        var coordinatorLink = await _steps.StartAsync(coordinator, "sich-gut-aufstellen", "Gründungsteam Oderbruch", "gruendung");
        await FitsThePhoneAsync(coordinator, "5-01-koordination-telefon");
        var invite = await coordinator.InputValueAsync("#einladungslink");
        await coordinator.TapAsync("button[data-copy=einladungslink]");
        await coordinator.WaitForSelectorAsync("button[data-copy=einladungslink]:has-text('Kopiert')");
        Assert.Equal(invite, await coordinator.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await coordinator.TapAsync("#runde-titel ~ p a.button:has-text('Fragebogen selbst ausfüllen')");
        await coordinator.WaitForURLAsync("**/eigene-ziele");
        await FitsThePhoneAsync(coordinator, "5-02-erste-frage-telefon");
        await Journeys.WalkAsync(coordinator, n => n - 1);
        await FitsThePhoneAsync(coordinator);
        await coordinator.TapAsync("button:has-text('Abschließen')");
        await coordinator.WaitForSelectorAsync("h1:has-text('Vielen Dank')");

        // Jana joins on her phone and finishes; later she has lost her link and opens the invitation again.
        var jana = await PhoneAsync();
        await jana.GotoAsync(invite);
        await FitsThePhoneAsync(jana, "5-03-einladung-telefon");
        var janasLink = await JoinAsync(jana, invite, "Jana");
        await FinishAsync(jana, _ => 0);
        await jana.GotoAsync(invite);
        Assert.Contains("Sie nehmen in diesem Browser schon teil als „Jana“", await jana.TextContentAsync(".notice"));
        await FitsThePhoneAsync(jana, "5-04-einladung-wieder-telefon");
        await jana.TapAsync("a.returning");
        await jana.WaitForURLAsync(url => !url.Contains("/e/", StringComparison.Ordinal));
        Assert.StartsWith(janasLink + "/", jana.Url.Split('?')[0] + "/", StringComparison.Ordinal);

        // Tom finishes on a computer, then opens the invitation in another browser and becomes a second "Tom".
        var tom = await browser.NewPageAsync();
        await JoinAsync(tom, invite, "Tom");
        await FinishAsync(tom, n => n / 2);
        var tomAgain = await browser.NewPageAsync();
        await tomAgain.GotoAsync(invite);
        Assert.Equal(0, await tomAgain.Locator("a.returning").CountAsync());
        var tomsSecondLink = await JoinAsync(tomAgain, invite, "Tom");
        await Journeys.WalkAsync(tomAgain, n => n / 2, maxSections: 2);
        await tomAgain.Context.CloseAsync();

        // Someone from another initiative joins by mistake; Lena answers a little and does not finish.
        var mistaken = await browser.NewPageAsync();
        await JoinAsync(mistaken, invite, "Falsch angemeldet");
        await mistaken.Context.CloseAsync();
        var lena = await browser.NewPageAsync();
        await JoinAsync(lena, invite, "Lena");
        await Journeys.WalkAsync(lena, _ => 1, maxSections: 3);
        await lena.Context.CloseAsync();

        // The coordinator tidies the team table on the phone: the two Toms become one.
        await coordinator.GotoAsync(coordinatorLink);
        Assert.Equal(2, await coordinator.Locator("td[data-label=Person]", new() { HasTextString = "Tom" }).CountAsync());
        await FitsThePhoneAsync(coordinator, "5-05-team-telefon");
        await RowAction(coordinator, "Tom", "Zusammenführen").TapAsync();
        await coordinator.WaitForURLAsync("**/zusammenfuehren");
        await coordinator.Locator(".choice", new() { HasTextString = "Tom" }).First.Locator("input[name=other]").CheckAsync();
        await FitsThePhoneAsync(coordinator, "5-06-zusammenfuehren-telefon");
        await coordinator.TapAsync("button:has-text('Einträge zusammenführen')");
        await coordinator.WaitForSelectorAsync(".notice:has-text('zusammengeführt')");
        Assert.Equal(1, await coordinator.Locator("td[data-label=Person]", new() { HasTextString = "Tom" }).CountAsync());
        Assert.Equal(404, (await coordinator.Context.APIRequest.GetAsync(tomsSecondLink)).Status);

        // The person who joined by mistake goes, with what she answered.
        await RowAction(coordinator, "Falsch angemeldet", "Entfernen").TapAsync();
        await coordinator.WaitForURLAsync("**/entfernen");
        await coordinator.CheckAsync("#antworten-loeschen");
        await FitsThePhoneAsync(coordinator, "5-08-entfernen-telefon");
        await coordinator.TapAsync("button:has-text('entfernen')");
        await coordinator.WaitForSelectorAsync(".notice:has-text('entfernt')");
        Assert.Equal(0, await coordinator.Locator("td[data-label=Person]", new() { HasTextString = "Falsch angemeldet" }).CountAsync());

        // Closing asks first and names Lena, who has not finished; her answers are left out.
        await coordinator.TapAsync("#abschliessen");
        await coordinator.WaitForURLAsync("**/abschliessen");
        Assert.Equal(["Lena"], await coordinator.Locator("#unfertig li").AllTextContentsAsync());
        await coordinator.CheckAsync("#unfertig-weglassen");
        await FitsThePhoneAsync(coordinator, "5-09-abschliessen-telefon");
        await coordinator.TapAsync("button:has-text('Durchgang 1 abschließen')");
        await coordinator.WaitForURLAsync("**notice=Closed**");
        await FitsThePhoneAsync(coordinator);

        await coordinator.TapAsync("a:has-text('Für das Team freigeben')");
        await coordinator.WaitForURLAsync("**/teamprofil-freigeben");
        await FitsThePhoneAsync(coordinator, "5-10-freigeben-telefon");
        await coordinator.TapAsync("button:has-text('Teamprofil freigeben')");
        await coordinator.WaitForSelectorAsync(".notice:has-text('freigegeben')");
        await FitsThePhoneAsync(coordinator);

        // Jana has lost her phone with the link: the coordinator issues a new one (after closing, so her
        // finished answers stay finished), shown once; the old one stops.
        await RowAction(coordinator, "Jana", "Link neu ausstellen").TapAsync();
        await coordinator.WaitForURLAsync("**/neuer-link");
        await FitsThePhoneAsync(coordinator);
        await coordinator.TapAsync("button:has-text('Neuen Link ausstellen')");
        var janasNewLink = await coordinator.InputValueAsync("#neuer-link");
        Assert.NotEqual(janasLink, janasNewLink);
        await FitsThePhoneAsync(coordinator, "5-11-neuer-link-telefon");
        await coordinator.GotoAsync(coordinator.Url);
        Assert.Equal(0, await coordinator.Locator("#neuer-link").CountAsync());
        Assert.Equal(404, (await coordinator.Context.APIRequest.GetAsync(janasLink)).Status);

        // Jana, with the new link on her new phone, reads the team profile of the three who finished.
        await jana.Context.CloseAsync();
        jana = await PhoneAsync();
        await jana.GotoAsync(janasNewLink);
        await FitsThePhoneAsync(jana, "5-12-mitglied-neuer-link-telefon");
        // The round is closed: the note on the new link does not invite her to answer again.
        Assert.DoesNotContain("neu beantworten", await jana.TextContentAsync(".reissued"), StringComparison.Ordinal);
        await jana.TapAsync("#teamprofil");
        await jana.WaitForURLAsync("**/team-ergebnis");
        await jana.WaitForSelectorAsync(".profile");
        Assert.Contains("Gründungsteam Oderbruch", await jana.TextContentAsync(".profile h1"));
        Assert.Contains("Antworten von 3 Personen", Journeys.Flat(await jana.TextContentAsync(".profile") ?? ""), StringComparison.Ordinal); // Lena left out
        await FitsThePhoneAsync(jana, "5-13-teamprofil-telefon");
        var download = await jana.RunAndWaitForDownloadAsync(() => jana.TapAsync("a:has-text('Als PDF herunterladen')"));
        var pdf = Path.Combine(BrowserFixture.Screenshots, "5-teamprofil.pdf");
        await download.SaveAsAsync(pdf);
        Assert.Contains("Gründungsteam Oderbruch", Journeys.Flat(Journeys.PdfText(pdf)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyboard_only_the_coordinator_removes_a_person_closes_with_care_and_releases_the_team_profile()
    {
        var setup = await browser.NewPageAsync();
        var coordinatorLink = await _steps.StartAsync(setup, "sich-gut-aufstellen", "Tastatur-Team Uckermark", "gruendung");
        var invite = await setup.InputValueAsync("#einladungslink");
        await setup.Context.CloseAsync();
        var lena = await browser.NewPageAsync();
        await JoinAsync(lena, invite, "Lena");
        await Journeys.WalkAsync(lena, _ => 0, maxSections: 1);
        await lena.Context.CloseAsync();
        var twice = await browser.NewPageAsync();
        await JoinAsync(twice, invite, "Aus Versehen");
        await twice.Context.CloseAsync();

        // From here on only Tab, Shift+Tab, Space, Enter and the arrow keys.
        var page = await browser.NewPageAsync();
        await page.GotoAsync(coordinatorLink);
        var remove = "table.respondents tr:has(td:text-is('Aus Versehen')) a:has-text('Entfernen')";
        await Journeys.TabToAsync(page, remove);
        await FocusShowsAsync(page, remove);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/entfernen");
        await Journeys.TabToAsync(page, "#antworten-loeschen");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.IsCheckedAsync("#antworten-loeschen"));
        await FocusShowsAsync(page, "#antworten-loeschen");
        await Journeys.TabToAsync(page, "form .actions a:has-text('Abbrechen')");
        await BackTabToAsync(page, "button:has-text('entfernen')");
        await FocusShowsAsync(page, "button:has-text('entfernen')");
        await Journeys.ShotAsync(page, "6-01-entfernen-tastatur");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".notice:has-text('entfernt')");

        await Journeys.TabToAsync(page, "#abschliessen");
        await FocusShowsAsync(page, "#abschliessen");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/abschliessen");
        Assert.Contains("Lena", await page.Locator("#unfertig li").AllTextContentsAsync());
        // Tab reaches the chosen option of the group; the arrow key moves the choice to "leave out".
        await Journeys.TabToAsync(page, "#unfertig-einbeziehen");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.IsCheckedAsync("#unfertig-weglassen"));
        await FocusShowsAsync(page, "#unfertig-weglassen");
        var close = "button:has-text('Durchgang 1 abschließen')";
        await Journeys.TabToAsync(page, close);
        await FocusShowsAsync(page, close);
        await Journeys.ShotAsync(page, "6-02-abschliessen-tastatur");
        await _steps.AccessibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**notice=Closed**");

        var release = "a:has-text('Für das Team freigeben')";
        await Journeys.TabToAsync(page, release);
        await FocusShowsAsync(page, release);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/teamprofil-freigeben");
        var confirm = "button:has-text('Teamprofil freigeben')";
        await Journeys.TabToAsync(page, confirm);
        await FocusShowsAsync(page, confirm);
        await Journeys.ShotAsync(page, "6-03-freigeben-tastatur");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".notice:has-text('freigegeben')");
        Assert.Contains("Ihr Team sieht das Teamprofil von Durchgang 1", await page.TextContentAsync("#freigabe + p"));
        await _steps.AccessibleAsync(page);
    }

    [Fact]
    public async Task After_closing_the_coordinator_leads_the_team_conversation_on_a_projector_and_a_phone_and_the_action_reaches_the_plan()
    {
        // Two people who answer at opposite ends, without script to be quick; then the round is closed.
        var setup = await browser.NewPageAsync(javaScript: false);
        var coordinatorLink = await _steps.StartAsync(setup, "sich-gut-aufstellen", "Gesprächsteam Lausitz", "gruendung");
        var invite = await setup.InputValueAsync("#einladungslink");
        await setup.ClickAsync("#runde-titel ~ p a.button");
        await setup.WaitForURLAsync("**/eigene-ziele");
        await FinishAsync(setup, n => n - 1);
        var member = await browser.NewPageAsync(javaScript: false);
        await JoinAsync(member, invite, "Mia");
        await FinishAsync(member, _ => 0);
        await member.Context.CloseAsync();
        await setup.GotoAsync(coordinatorLink);
        await setup.ClickAsync("#abschliessen");
        await setup.ClickAsync("button:has-text('Durchgang 1 abschließen')");
        await setup.WaitForURLAsync("**notice=Closed**");
        await setup.Context.CloseAsync();

        // On the projector: the agenda, largest disagreement first, in large type.
        var projector = await browser.NewPageAsync(1920, 1080);
        await projector.GotoAsync(coordinatorLink);
        await projector.ClickAsync("#teamgespraech");
        await projector.WaitForURLAsync("**/teamgespraech");
        await _steps.AccessibleAsync(projector);
        var normalType = await projector.EvalOnSelectorAsync<double>("ol.topics a", "e => parseFloat(getComputedStyle(e).fontSize)");
        var spreads = (await projector.Locator("ol.topics .topic-state").AllTextContentsAsync())
            .Select(s => System.Text.RegularExpressions.Regex.Match(s, @"(\d+) Stufen? auseinander"))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(spreads.Count >= 2, "at least two topics to discuss");
        Assert.Equal(spreads.OrderDescending(), spreads);
        await projector.ClickAsync(".view-switch a");
        await projector.WaitForURLAsync("**/teamgespraech/gross");
        Assert.True(await projector.EvalOnSelectorAsync<double>("ol.topics a", "e => parseFloat(getComputedStyle(e).fontSize)") > normalType, "the large view has larger type");
        await Journeys.ShotAsync(projector, "7-01-teamgespraech-beamer");
        await _steps.AccessibleAsync(projector);

        // The first topic with the keyboard alone: the agreed answer, why, and one action.
        await Journeys.TabToAsync(projector, "a.button:has-text('Mit dem ersten Thema beginnen')");
        await projector.Keyboard.PressAsync("Enter");
        await projector.WaitForURLAsync("**/teamgespraech/frage/**/gross");
        var firstTopic = projector.Url;
        Assert.Contains("1 von", await projector.TextContentAsync(".kicker"));
        await _steps.AccessibleAsync(projector);
        var first = await projector.EvalOnSelectorAsync<string>("form.agreement [data-question] .choice:first-child input", "e => '#' + CSS.escape(e.id)");
        await Journeys.TabToAsync(projector, first);
        await projector.Keyboard.PressAsync("Space");
        await projector.Keyboard.PressAsync("ArrowDown");
        var chosen = await projector.EvalOnSelectorAsync<string>("form.agreement [data-question] input:checked", "e => '#' + CSS.escape(e.id)");
        Assert.NotEqual(first, chosen);
        await FocusShowsAsync(projector, chosen);
        await Journeys.TabToAsync(projector, "#Note");
        await projector.Keyboard.TypeAsync("Wir haben unterschiedliche Ziele im Kopf gehabt.");
        await Journeys.TabToAsync(projector, "#What");
        await projector.Keyboard.TypeAsync("Zielbild-Workshop mit allen Partnern");
        await projector.Keyboard.PressAsync("Tab");
        await projector.Keyboard.TypeAsync("Jana");
        await Journeys.TabToAsync(projector, "#Due");
        await projector.Keyboard.TypeAsync("31.01.2027");
        await Journeys.TabToAsync(projector, "button[value=weiter]");
        await FocusShowsAsync(projector, "button[value=weiter]");
        await Journeys.ShotAsync(projector, "7-02-thema-beamer");
        await projector.Keyboard.PressAsync("Enter");
        await projector.WaitForURLAsync(url => url != firstTopic);
        Assert.EndsWith("/gross", projector.Url, StringComparison.Ordinal);
        Assert.Contains("2 von", await projector.TextContentAsync(".kicker"));

        // The second topic on a phone: the facilitator moved to the next room.
        var phone = await PhoneAsync();
        await phone.GotoAsync(coordinatorLink);
        await phone.TapAsync("#teamgespraech");
        await phone.WaitForURLAsync("**/teamgespraech");
        Assert.Contains("vereinbart:", await phone.Locator("ol.topics li").First.TextContentAsync());
        await FitsThePhoneAsync(phone, "7-03-teamgespraech-telefon");
        await phone.Locator("ol.topics li a").Nth(1).TapAsync();
        await phone.WaitForURLAsync("**/teamgespraech/frage/**");
        await FitsThePhoneAsync(phone);
        await phone.Locator("form.agreement [data-question] .choice input").Last.CheckAsync();
        await phone.FillAsync("#Note", "Das sehen wir nach dem Gespräch gleich.");
        await FitsThePhoneAsync(phone, "7-04-thema-telefon");
        await phone.TapAsync("button[value=weiter]");
        await phone.WaitForURLAsync(url => !url.EndsWith(firstTopic.Split("/frage/")[1].Split('/')[0], StringComparison.Ordinal));
        await phone.TapAsync("nav.conversation-nav a:has-text('Zusammenfassung')");
        await phone.WaitForURLAsync("**/teamgespraech/ergebnis");
        Assert.Equal(2, await phone.Locator("dl.agreed dt").CountAsync());
        Assert.Contains("Zielbild-Workshop mit allen Partnern", await phone.TextContentAsync("table.action-plan"));
        await FitsThePhoneAsync(phone, "7-05-zusammenfassung-telefon");

        // The action plan in the team profile, on the page and in the PDF.
        await projector.GotoAsync(coordinatorLink + "/ergebnis?runde=1");
        await projector.WaitForSelectorAsync(".profile");
        Assert.Contains("Zielbild-Workshop mit allen Partnern", await projector.TextContentAsync(".profile"));
        Assert.Contains("Maßnahmenplan", await projector.TextContentAsync(".profile"));
        await Journeys.ShotAsync(projector, "7-06-profil-massnahmenplan");
        await _steps.AccessibleAsync(projector);
        var download = await projector.RunAndWaitForDownloadAsync(() => projector.ClickAsync("a:has-text('Als PDF herunterladen')"));
        var pdf = Path.Combine(BrowserFixture.Screenshots, "7-profil-massnahmenplan.pdf");
        await download.SaveAsAsync(pdf);
        var text = Journeys.Flat(Journeys.PdfText(pdf));
        Assert.Contains("Maßnahmenplan", text, StringComparison.Ordinal);
        Assert.Contains("Zielbild-Workshop mit allen Partnern", text, StringComparison.Ordinal);
    }

    /// <summary>The focused control shows it: a visible outline of at least 2 px, as the keyboard user needs to see where they are.</summary>
    private static async Task FocusShowsAsync(IPage page, string selector)
    {
        var ring = await page.EvalOnSelectorAsync<string>(
            selector,
            "e => e === document.activeElement && e.matches(':focus-visible') ? getComputedStyle(e).outlineStyle + ' ' + parseFloat(getComputedStyle(e).outlineWidth) : 'not focused'");
        Assert.Matches(@"^(solid|auto|double|dashed|dotted) ([2-9]|\d{2,})", ring);
    }

    /// <summary>Presses Shift+Tab until the element is focused (at most 50 steps back).</summary>
    private static async Task BackTabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await page.EvalOnSelectorAsync<bool>(selector, "e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Shift+Tab");
        }

        throw new InvalidOperationException($"{selector} is not reachable with Shift+Tab on {page.Url}");
    }
}
