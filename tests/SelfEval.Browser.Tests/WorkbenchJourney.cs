using Microsoft.Playwright;

namespace SelfEval.Browser.Tests;

/// <summary>
/// The office changes a guide in the browser on a Friday afternoon: an upload with two mistakes, both shown at their
/// lines, fixed, looked at in the preview (two kinds of initiative, the profile) and the comparison, published without a restart; a round started before keeps its wording, a new one gets the new.
/// </summary>
/// <remarks>
/// It shares the collection's service, so it changes only a help text of "Wirkung entfalten" that no other journey reads:
/// journeys that run after it answer the new version, which asks the same questions.
/// </remarks>
[Collection("browser")]
public sealed class WorkbenchJourney(BrowserFixture browser)
{
    private const string OldHelp = "Nennen Sie die zwei oder drei wichtigsten";
    private const string NewHelp = "Nennen Sie die drei wichtigsten";

    private readonly Journeys _journeys = new(browser);

    [Fact]
    public async Task The_office_uploads_a_draft_with_two_mistakes_fixes_them_at_their_lines_and_publishes_while_a_started_round_keeps_its_version()
    {
        var coordinator = await browser.NewPageAsync();
        // The first request of a fresh service compiles its views; on a busy machine that outlasts the 15 s of a step.
        await coordinator.GotoAsync(_journeys.Url("/"), new PageGotoOptions { Timeout = 120_000 });
        var before = (await _journeys.StartAsync(coordinator, "wirkung-entfalten", "Netzwerk vorher", "etabliert")).Replace("/k/", "/a/", StringComparison.Ordinal);
        await coordinator.GotoAsync(before + "/eigene-ziele");
        Assert.Contains(OldHelp, await coordinator.ContentAsync(), StringComparison.Ordinal);

        var original = await File.ReadAllTextAsync(Path.Combine(BrowserFixture.Repository, "questionnaires", "wirkung-entfalten.md"));
        var lines = original.Split('\n');
        var weight = Array.FindIndex(lines, l => l == "- weight: 2");
        var scale = Array.FindIndex(lines, l => l == "- scale: einigkeit");
        lines[weight] = "- weight: zwei";
        lines[scale] = "- scale: einigkeitx";
        var upload = Path.Combine(Directory.CreateTempSubdirectory("selfeval-workbench-").FullName, "wirkung-entfalten.md");
        await File.WriteAllTextAsync(upload, string.Join('\n', lines));

        var office = await browser.NewPageAsync();
        await office.GotoAsync(_journeys.Url("/servicestelle/anmelden"));
        await office.FillAsync("#Name", "berta");
        await office.FillAsync("#Password", BrowserFixture.OfficePassword);
        await office.ClickAsync("button:has-text('Anmelden')");
        await office.ClickAsync(".office-bar a:has-text('Leitfäden')");
        await office.WaitForURLAsync("**/servicestelle/leitfaeden");
        await _journeys.AccessibleAsync(office);
        await Journeys.ShotAsync(office, "4-01-leitfaeden");

        await office.SetInputFilesAsync("#datei", upload);
        await office.ClickAsync("button:has-text('Hochladen und prüfen')");
        await office.WaitForURLAsync("**/entwurf/*");
        var links = await office.Locator(".draft-errors li a").AllTextContentsAsync();
        Assert.Equal([$"Zeile {weight + 1}", $"Zeile {scale + 1}"], links);
        Assert.Equal(0, await office.Locator("a:has-text('Veröffentlichen')").CountAsync());
        await _journeys.AccessibleAsync(office);
        await Journeys.ShotAsync(office, "4-02-entwurf-mit-fehlern");

        await office.ClickAsync(".draft-errors li a >> nth=1");
        Assert.Equal(scale + 1, int.Parse(((await office.Locator(":target").TextContentAsync()) ?? string.Empty).TrimStart('!', ' '), System.Globalization.CultureInfo.InvariantCulture));

        var text = await office.InputValueAsync("#text");
        await office.FillAsync("#text", text
            .Replace("- weight: zwei", "- weight: 2", StringComparison.Ordinal)
            .Replace("- scale: einigkeitx", "- scale: einigkeit", StringComparison.Ordinal)
            .Replace(OldHelp, NewHelp, StringComparison.Ordinal)
            .Replace("version: \"2.0\"", "version: \"2.1\"", StringComparison.Ordinal));
        await office.ClickAsync("button:has-text('Speichern und prüfen')");
        await office.WaitForSelectorAsync("text=Die Prüfung hat keine Fehler gefunden");
        await _journeys.AccessibleAsync(office);
        var draft = office.Url;

        // Before publishing, the office looks at the draft as two kinds of initiative see it, at the profile it gives and
        // at what it changes.
        await office.ClickAsync(".actions a:text-is('Vorschau')");
        await office.WaitForURLAsync("**/vorschau**");
        foreach (var (preset, phase) in new[] { ("Gründungsteam", "gruendung"), ("Etablierte Initiative", "etabliert") })
        {
            await office.ClickAsync($".presets a:text-is('{preset}')");
            await office.WaitForURLAsync($"**={phase}*");
            await _journeys.AccessibleAsync(office);
        }

        await office.ClickAsync(".preview-nav a:has-text('Profil aus Beispielantworten')");
        await office.WaitForURLAsync("**handler=Profile**");
        await _journeys.AccessibleAsync(office);
        await Journeys.ShotAsync(office, "4-03-vorschau-profil");

        await office.ClickAsync(".preview-nav a:has-text('Was sich ändert')");
        await office.WaitForURLAsync("**/vergleich");
        Assert.Contains(NewHelp, await office.Locator("section.changes[data-kind=HelpChanged]").TextContentAsync(), StringComparison.Ordinal);
        await _journeys.AccessibleAsync(office);
        await Journeys.ShotAsync(office, "4-03-vergleich");

        await office.GotoAsync(draft);

        await office.ClickAsync("a:has-text('Veröffentlichen')");
        await office.WaitForURLAsync("**/veroeffentlichen");
        await _journeys.AccessibleAsync(office);
        await Journeys.ShotAsync(office, "4-04-veroeffentlichen");
        await office.ClickAsync("button:has-text('Jetzt veröffentlichen')");
        await office.WaitForSelectorAsync("[role=status]:has-text('Version 2.1')");
        await _journeys.AccessibleAsync(office);

        await coordinator.GotoAsync(before + "/eigene-ziele");
        Assert.Contains(OldHelp, await coordinator.ContentAsync(), StringComparison.Ordinal);
        var after = (await _journeys.StartAsync(coordinator, "wirkung-entfalten", "Netzwerk nachher", "etabliert")).Replace("/k/", "/a/", StringComparison.Ordinal);
        await coordinator.GotoAsync(after + "/eigene-ziele");
        Assert.Contains(NewHelp, await coordinator.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(OldHelp, await coordinator.ContentAsync(), StringComparison.Ordinal);
    }
}
