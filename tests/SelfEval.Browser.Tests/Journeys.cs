using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SelfEval.Browser.Tests;

/// <summary>The main paths as people take them, in Chromium, each page checked with axe-core.</summary>
[Collection("browser")]
public sealed class Journeys(BrowserFixture browser)
{
    internal string Url(string path) => browser.BaseUrl.TrimEnd('/') + path;

    internal static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    /// <summary>
    /// No serious or critical axe-core violation (WCAG 2.1 A and AA rules). axe runs as script, so a page
    /// shown without JavaScript is checked at the same address in a second, scripted tab.
    /// </summary>
    internal async Task AccessibleAsync(IPage page)
    {
        if (await page.Context.NewPageAsync() is var probe && !await ScriptRunsAsync(probe))
        {
            await probe.CloseAsync();
            var scripted = await browser.NewPageAsync();
            await scripted.GotoAsync(page.Url);
            await CheckAxeAsync(scripted);
            await scripted.Context.CloseAsync();
            return;
        }

        await probe.CloseAsync();
        await CheckAxeAsync(page);
    }

    private static async Task<bool> ScriptRunsAsync(IPage probe)
    {
        await probe.SetContentAsync("<p id=x>no</p><script>document.getElementById('x').textContent = 'yes'</script>");
        return await probe.Locator("#x").TextContentAsync() == "yes";
    }

    internal static async Task CheckAxeAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{page.Url}: " + string.Join("; ", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    internal static async Task AnswerVisibleAsync(IPage page, Func<int, int> pick, bool notRelevantWhereAllowed = false)
    {
        foreach (var field in await page.QuerySelectorAllAsync("[data-question]:not([hidden])"))
        {
            var nr = await field.QuerySelectorAsync("[data-not-relevant]");
            if (notRelevantWhereAllowed && nr is not null)
            {
                await nr.CheckAsync();
                continue;
            }

            var options = await field.QuerySelectorAllAsync("input[type=radio]:not([data-not-relevant]):not([data-dont-know]), input[type=checkbox]:not([data-not-relevant]):not([data-dont-know])");
            if (options.Count > 0)
            {
                await options[pick(options.Count)].CheckAsync();
            }
            else if (await field.QuerySelectorAsync("textarea") is { } area)
            {
                await area.FillAsync("Mehr Unternehmen aus der Region gewinnen.");
            }
        }
    }

    /// <summary>Answers section after section until the review page, following questions that appear.</summary>
    internal static async Task WalkAsync(IPage page, Func<int, int> pick, bool notRelevant = false, int maxSections = 0)
    {
        for (var i = 0; i < 60 && !page.Url.Contains("/abschluss", StringComparison.Ordinal); i++)
        {
            if (maxSections > 0 && i >= maxSections)
            {
                return;
            }

            await AnswerVisibleAsync(page, pick, notRelevant);
            await AnswerVisibleAsync(page, pick, notRelevant); // follow-ups shown by the first answers
            await page.ClickAsync("button[value=weiter]");
            await page.WaitForLoadStateAsync();
        }
    }

    internal async Task<string> StartAsync(IPage page, string guide, string name, string phase)
    {
        await page.GotoAsync(Url("/"));
        await AccessibleAsync(page);
        await page.GotoAsync(Url($"/start/{guide}"));
        await page.FillAsync("#name--wert", name);
        await page.CheckAsync($"input[name='q.phase'][value={phase}]");
        await page.CheckAsync("input[name='q.ausrichtung'][value=praktisch-projektorientiert]");
        await page.CheckAsync("input[name='q.rechtsform'][value=ohne]");
        await page.CheckAsync("input[name='q.land'][value=bb]");
        await page.CheckAsync("input[name='q.radius'][value=regional]");
        await page.CheckAsync("input[name='q.personal'][value=ehrenamtlich]");
        await page.CheckAsync("#OptIn");
        await AccessibleAsync(page);
        await page.ClickAsync("button:has-text('Selbstevaluation anlegen')");
        await page.WaitForURLAsync("**/k/**");
        return page.Url.Split('?')[0];
    }

    [Fact]
    public async Task A_founding_team_of_three_disagrees_resumes_closes_and_gets_a_pdf_naming_what_to_discuss()
    {
        var coordinator = await browser.NewPageAsync();
        var coordinatorLink = await StartAsync(coordinator, "sich-gut-aufstellen", "Gründungsteam Spreewald", "gruendung");
        await ShotAsync(coordinator, "1-01-koordination");
        await AccessibleAsync(coordinator);
        var invite = await coordinator.InputValueAsync("#einladungslink");

        await coordinator.ClickAsync("#runde-titel ~ p a.button:has-text('Fragebogen selbst ausfüllen')");
        await coordinator.WaitForURLAsync("**/eigene-ziele");
        await AccessibleAsync(coordinator);
        await WalkAsync(coordinator, n => n - 1);
        await ShotAsync(coordinator, "1-02-uebersicht");
        await coordinator.ClickAsync("button:has-text('Abschließen')");
        await coordinator.WaitForSelectorAsync("h1:has-text('Vielen Dank')");

        // Person 2 on a phone: joins, answers five sections, leaves.
        var phone = await browser.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync(invite);
        await AccessibleAsync(phone);
        await phone.FillAsync("#Label", "Jana (Stadt)");
        await phone.ClickAsync("button:has-text('Teilnehmen')");
        await phone.WaitForURLAsync("**/eigene-ziele**");
        var personal = await phone.InputValueAsync("#persoenlicher-link");
        await ShotAsync(phone, "1-03-telefon");
        await AccessibleAsync(phone);
        await WalkAsync(phone, _ => 0, maxSections: 5);
        var stoppedAt = phone.Url;
        await phone.Context.CloseAsync();

        // Person 3 disagrees in the middle.
        var third = await browser.NewPageAsync();
        await third.GotoAsync(invite);
        await third.ClickAsync("button:has-text('Teilnehmen')");
        await third.WaitForURLAsync("**/eigene-ziele**");
        await WalkAsync(third, n => n / 2);
        await third.ClickAsync("button:has-text('Abschließen')");

        // "The next day" on another device, person 2 continues where she stopped.
        var nextDay = await browser.NewPageAsync(390, 844, mobile: true);
        await nextDay.GotoAsync(personal);
        Assert.Equal(stoppedAt.Split('?')[0], nextDay.Url.Split('?')[0]);
        await WalkAsync(nextDay, _ => 0);
        await nextDay.ClickAsync("button:has-text('Abschließen')");
        await ShotAsync(nextDay, "1-04-telefon-fertig");

        await coordinator.GotoAsync(coordinatorLink);
        Assert.Contains("3 Personen haben begonnen, 3 haben abgeschlossen.", await coordinator.TextContentAsync("#team + p"));
        // Closing asks first: everyone finished, so the page lists nobody and closes on confirmation.
        await coordinator.ClickAsync("#abschliessen");
        await coordinator.WaitForSelectorAsync("button:has-text('Durchgang 1 abschließen')");
        await ShotAsync(coordinator, "1-045-abschliessen");
        await AccessibleAsync(coordinator);
        await coordinator.ClickAsync("button:has-text('Durchgang 1 abschließen')");
        await coordinator.WaitForURLAsync("**notice=Closed**");
        await coordinator.ClickAsync("a:has-text('Profil') >> nth=0");
        await coordinator.WaitForSelectorAsync(".profile");
        await ShotAsync(coordinator, "1-05-ergebnis");
        await AccessibleAsync(coordinator);
        var discuss = await coordinator.EvalOnSelectorAllAsync<string[]>("#anhang .discuss-all ol.items strong", "els => els.map(e => e.textContent)");
        Assert.NotEmpty(discuss);
        Assert.InRange(await coordinator.Locator(".summary .top-discuss ol.items > li").CountAsync(), 1, 3);

        // The same profile on a phone: nothing scrolls sideways, and the appendix opened is as accessible as the rest.
        var profilePhone = await browser.NewPageAsync(390, 844, mobile: true);
        await profilePhone.GotoAsync(coordinator.Url);
        await ShotAsync(profilePhone, "1-06-ergebnis-telefon");
        Assert.True(await profilePhone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the profile scrolls sideways at 390 px");
        await profilePhone.EvalOnSelectorAllAsync("details", "ds => ds.forEach(d => d.open = true)");
        Assert.True(await profilePhone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the opened appendix scrolls sideways at 390 px");
        await ShotAsync(profilePhone, "1-07-ergebnis-telefon-anhang");
        await CheckAxeAsync(profilePhone);
        await profilePhone.Context.CloseAsync();

        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.ClickAsync("a:has-text('Als PDF herunterladen')"));
        var pdf = Path.Combine(BrowserFixture.Screenshots, "1-profil.pdf");
        await download.SaveAsAsync(pdf);
        var text = Flat(PdfText(pdf));
        Assert.Contains("Diskussionsbedarf", text, StringComparison.Ordinal);
        Assert.All(discuss, q => Assert.Contains(Flat(q), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_established_initiative_answers_alone_without_javascript_marks_items_not_relevant_and_gets_its_profile()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        var link = await StartAsync(page, "wirkung-entfalten", "Industrienetz Havelland", "etabliert");
        await page.ClickAsync("#runde-titel ~ p a.button");
        await page.WaitForURLAsync("**/eigene-ziele");
        await AccessibleAsync(page);

        for (var i = 0; i < 60 && !page.Url.Contains("/abschluss", StringComparison.Ordinal); i++)
        {
            await AnswerVisibleAsync(page, n => n - 2 < 0 ? 0 : n - 2, notRelevantWhereAllowed: i % 3 == 0);
            await page.ClickAsync("button[value=weiter]");
            await page.WaitForLoadStateAsync();
        }

        await ShotAsync(page, "2-01-ohne-javascript-uebersicht");
        await AccessibleAsync(page);
        await page.ClickAsync("button:has-text('Abschließen')");
        await page.GotoAsync(link.Replace("/k/", "/k/", StringComparison.Ordinal) + "/ergebnis");
        await ShotAsync(page, "2-02-profil");
        await AccessibleAsync(page);
        Assert.Contains("Industrienetz Havelland", await page.TextContentAsync(".profile h1"));
        Assert.Equal(0, await page.Locator("script:not([src])").CountAsync() - await page.Locator("script[type='application/json']").CountAsync());
    }

    [Fact]
    public async Task The_service_office_logs_in_filters_to_the_k_protection_exports_and_logs_out()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/servicestelle"));
        await page.WaitForURLAsync("**/servicestelle/anmelden**");
        await AccessibleAsync(page);
        await page.FillAsync("#Name", "berta");
        await page.FillAsync("#Password", BrowserFixture.OfficePassword);
        await page.ClickAsync("button:has-text('Anmelden')");
        await page.WaitForSelectorAsync("h1:has-text('Anonyme Auswertung')");
        await AccessibleAsync(page);
        await ShotAsync(page, "3-01-dashboard");

        await page.SelectOptionAsync("select[name=region]", "ost");
        await page.SelectOptionAsync("select[name=radius]", "lokal");
        await page.SelectOptionAsync("select[name=rechtsform]", "gmbh");
        await page.ClickAsync("button:has-text('Anzeigen')");
        await page.WaitForSelectorAsync(".refusal");
        Assert.Contains("zu wenige Initiativen für eine anonyme Auswertung", await page.TextContentAsync(".refusal"));
        await ShotAsync(page, "3-02-k-schutz");
        await AccessibleAsync(page);

        await page.GotoAsync(Url("/servicestelle?leitfaden=wirkung-entfalten"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('CSV') >> nth=0"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("part,group,key,label,n,", csv, StringComparison.Ordinal);

        await page.ClickAsync("button:has-text('Abmelden')");
        await page.WaitForURLAsync("**notice=LoggedOut");
        await page.GotoAsync(Url("/servicestelle"));
        Assert.Contains("/servicestelle/anmelden", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_legal_pages_are_reachable_from_the_footer_and_the_office_edits_them_with_a_preview()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/"));
        foreach (var (link, shot) in new[] { ("Impressum", "4-01-impressum"), ("Datenschutzerklärung", "4-02-datenschutz"), ("Erklärung zur Barrierefreiheit", "4-03-barrierefreiheit") })
        {
            await page.ClickAsync($"footer a:has-text('{link}')");
            await page.WaitForSelectorAsync($"h1:has-text('{link}')");
            await AccessibleAsync(page);
            await ShotAsync(page, shot);
        }

        await page.GotoAsync(Url("/servicestelle/anmelden"));
        await page.FillAsync("#Name", "berta");
        await page.FillAsync("#Password", BrowserFixture.OfficePassword);
        await page.ClickAsync("button:has-text('Anmelden')");
        await page.WaitForSelectorAsync("h1:has-text('Anonyme Auswertung')");
        await page.ClickAsync(".office-bar a:has-text('Rechtliche Seiten')");
        await page.WaitForSelectorAsync("h1:has-text('Rechtliche Seiten')");
        await AccessibleAsync(page);
        await page.ClickAsync("a:has-text('Impressum bearbeiten')");
        await page.FillAsync("#Markdown", "Betrieben von der **Servicestelle Nord**.\n\n## Kontakt\n\n- E-Mail: [post@example.org](mailto:post@example.org)");
        await page.ClickAsync("button:has-text('Vorschau zeigen')");
        await page.WaitForSelectorAsync(".legal-preview strong:has-text('Servicestelle Nord')");
        await AccessibleAsync(page);
        await ShotAsync(page, "4-04-editor");
    }

    [Theory]
    [InlineData(1280, 900, false, "3-03-vergleich")]
    [InlineData(390, 844, true, "3-04-vergleich-telefon")]
    public async Task The_dashboard_compares_two_groups_in_one_chart_and_no_table_widens_the_page_on_a_phone(int width, int height, bool mobile, string shot)
    {
        var page = await browser.NewPageAsync(width, height, mobile: mobile);
        await page.GotoAsync(Url("/servicestelle/anmelden"));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width);
        await page.FillAsync("#Name", "berta");
        await page.FillAsync("#Password", BrowserFixture.OfficePassword);
        await page.ClickAsync("button:has-text('Anmelden')");
        await page.WaitForSelectorAsync("h1:has-text('Anonyme Auswertung')");

        await page.GotoAsync(Url("/servicestelle?leitfaden=wirkung-entfalten&vergleich=rechtsform&a=ev&b=ohne-eigene"));
        Assert.True(await page.Locator("table.compare-figures td.plot svg:has(rect.box.a):has(rect.box.b)").CountAsync() > 0, "both groups in one chart");
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"the page is {pageWidth} px wide on a {width} px screen");
        await ShotAsync(page, shot);
        await AccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_only_an_initiative_answers_without_a_mouse()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync(Url("/start/wirkung-entfalten"));

        // The start form by keyboard: type into the focused field; in a radio group Tab reaches the group,
        // Space chooses the focused option and the arrow keys move to the others.
        await TabToAsync(page, "#name--wert");
        await page.Keyboard.TypeAsync("Tastatur-Initiative");
        foreach (var (group, steps) in new[] { ("phase", 2), ("ausrichtung", 0), ("rechtsform", 3), ("land", 0), ("radius", 2), ("personal", 1) })
        {
            await TabToAsync(page, $"#{group}--0");
            await page.Keyboard.PressAsync("Space");
            for (var i = 0; i < steps; i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }

            Assert.True(await page.IsCheckedAsync($"#{group}--{steps}"), group);
        }

        await TabToAsync(page, "button:has-text('Selbstevaluation anlegen')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/k/**");
        await TabToAsync(page, "#runde-titel ~ p a.button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/eigene-ziele");

        for (var section = 0; section < 3; section++)
        {
            var before = page.Url;
            var groups = await page.EvalOnSelectorAllAsync<string[]>("[data-question]:not([hidden]) .choice:first-child input", "els => els.map(e => '#' + CSS.escape(e.id))");
            foreach (var first in groups.Distinct())
            {
                await TabToAsync(page, first);
                await page.Keyboard.PressAsync("Space");
            }

            await TabToAsync(page, "button[value=weiter]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => url != before);
        }

        await ShotAsync(page, "4-01-tastatur");
        var saved = await page.Locator(".progress-block p").TextContentAsync();
        Assert.Matches(@"Schritt 5 von \d+", saved); // the profile, then three sections
    }

    /// <summary>Presses Tab until the element is focused, the way a keyboard user moves (at most 400 steps).</summary>
    internal static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 400; i++)
        {
            if (await page.EvalOnSelectorAsync<bool>(selector, "e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"{selector} is not reachable with Tab on {page.Url}");
    }

    internal static string PdfText(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    internal static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
