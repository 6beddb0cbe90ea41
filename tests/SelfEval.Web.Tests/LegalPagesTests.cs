using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Legal;
using SelfEval.Web.Office;

namespace SelfEval.Web.Tests;

/// <summary>Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit: reachable from every page, edited by the office (issue 17).</summary>
public sealed class LegalPagesTests : IDisposable
{
    private const string Password = "ein-langes-passwort";
    private static readonly string[] Addresses = ["/impressum", "/datenschutz", "/barrierefreiheit"];

    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(
        ("SelfEval:RetentionMonths", "18"), ("SelfEval:RetentionNoticeDays", "21"), ("SelfEval:AnonymityK", "7"));

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> OfficeAsync()
    {
        var client = Client();
        _factory.Services.GetRequiredService<OfficeUserStore>().Save("anna", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync("anna", Password)).StatusCode);
        return client;
    }

    /// <summary>The page's text with every run of blanks and line breaks read as one space, as a reader sees it.</summary>
    private static string Article(IDocument page) =>
        System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("article.legal")!.TextContent, @"\s+", " ");

    [Fact]
    public async Task Every_legal_page_shows_its_default_until_the_office_saves_one_and_says_what_to_fill_in()
    {
        var client = Client();
        foreach (var (address, title) in Addresses.Zip(["Impressum", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit"]))
        {
            var page = await client.PageAsync(address);
            Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
            Assert.Contains("[Bitte ergänzen:", Article(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_page_of_every_kind_links_the_three_legal_pages_in_its_footer()
    {
        var client = Client();
        var token = await CoordinatorTests.StartAsync(client, guide: TestGuides.Aufbau);
        string[] pages = ["/", $"/start/{TestGuides.Aufbau}", $"/k/{token}", $"/k/{token}/abschliessen", $"/a/{token}/{TestGuides.PartnerSection}", "/geloescht", "/servicestelle/anmelden", .. Addresses];
        foreach (var address in pages)
        {
            var page = await client.PageAsync(address);
            var links = page.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
            Assert.All(Addresses, legal => Assert.Contains(legal, links));
        }

        // The office's pages and the error page share the layout too.
        var office = await OfficeAsync();
        var dashboard = await office.PageAsync("/servicestelle");
        Assert.All(Addresses, legal => Assert.Contains(legal, dashboard.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href"))));
        var missing = await (await client.GetAsync("/k/gibt-es-nicht")).ParseAsync();
        Assert.All(Addresses, legal => Assert.Contains(legal, missing.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href"))));
    }

    [Fact]
    public void Every_layout_in_the_source_carries_the_three_links()
    {
        var pages = Path.Combine(TestPaths.Repository, "src", "SelfEval.Web");
        var layouts = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("<html", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(layouts);
        foreach (var layout in layouts)
        {
            var text = File.ReadAllText(layout);
            Assert.All(LegalPages.All, page => Assert.Contains($"asp-route-seite=\"{page.Slug()}\"", text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_privacy_statement_states_the_configured_periods_and_the_least_number_of_initiatives()
    {
        var text = Article(await Client().PageAsync("/datenschutz"));
        Assert.Contains("Nach 18 Monaten ohne Aktivität", text, StringComparison.Ordinal);
        Assert.Contains("weitere 21 Tage ohne Aktivität", text, StringComparison.Ordinal);
        Assert.Contains("mindestens 7 Initiativen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        foreach (var stored in (string[])["Antworten", "Namen, die das Team selbst eintippt", "Belege zu Antworten", "Links nur als Prüfsumme", "Konten der Servicestelle", "Protokolle"])
        {
            Assert.Contains(stored, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_accessibility_statement_has_the_parts_BITV_asks_for()
    {
        var page = await Client().PageAsync("/barrierefreiheit");
        var headings = page.QuerySelectorAll("article h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Stand der Vereinbarkeit mit den Anforderungen", headings);
        Assert.Contains("Nicht barrierefreie Inhalte", headings);
        Assert.Contains("Erstellung dieser Erklärung", headings);
        Assert.Contains(headings, h => h.StartsWith("Barrieren melden", StringComparison.Ordinal));
        Assert.Contains("Schlichtungsverfahren", headings);
        Assert.Contains("teilweise mit der BITV 2.0 vereinbar", Article(page), StringComparison.Ordinal);
        Assert.Contains("https://www.schlichtungsstelle-bgg.de", page.QuerySelectorAll("article a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_office_previews_without_publishing_then_saves_and_the_public_page_shows_the_new_text()
    {
        var office = await OfficeAsync();
        var list = await office.PageAsync("/servicestelle");
        Assert.NotNull(list.QuerySelector(".office-bar a[href='/servicestelle/rechtliches']"));
        var edit = await office.PageAsync("/servicestelle/rechtliches/impressum");
        Assert.Contains("[Bitte ergänzen:", ((IHtmlTextAreaElement)edit.QuerySelector("textarea#Markdown")!).Value, StringComparison.Ordinal);

        var text = "Betrieben von der **Servicestelle Nord**.\n\n## Kontakt\n\nE-Mail: [post@example.org](mailto:post@example.org)";
        var preview = await (await office.SubmitAsync(edit.Form("form.legal-editor"), new Dictionary<string, string[]> { ["Markdown"] = [text] },
            action: "/servicestelle/rechtliches/impressum?handler=Preview")).ParseAsync();
        Assert.Equal("Servicestelle Nord", preview.QuerySelector(".legal-preview strong")!.TextContent);
        Assert.Contains("[Bitte ergänzen:", Article(await Client().PageAsync("/impressum")), StringComparison.Ordinal);

        var saved = await office.SubmitAsync(preview.Form("form.legal-editor"), action: "/servicestelle/rechtliches/impressum?handler=Save");
        Assert.Equal("/servicestelle/rechtliches", saved.Location());
        var page = await Client().PageAsync("/impressum");
        Assert.Equal("Servicestelle Nord", page.QuerySelector("article.legal strong")!.TextContent);
        Assert.DoesNotContain("Bitte ergänzen", Article(page), StringComparison.Ordinal);
        Assert.Contains("von anna", (await office.PageAsync("/servicestelle/rechtliches")).QuerySelector(".legal-list")!.TextContent, StringComparison.Ordinal);

        // The way back: the default in the field again, unsaved until saved.
        var reloaded = await (await office.SubmitAsync((await office.PageAsync("/servicestelle/rechtliches/impressum")).Form("form.legal-editor"),
            action: "/servicestelle/rechtliches/impressum?handler=Default")).ParseAsync();
        Assert.Equal(LegalPageStore.Default(LegalPage.Impressum).Markdown, ((IHtmlTextAreaElement)reloaded.QuerySelector("textarea#Markdown")!).Value);
        Assert.Equal("Servicestelle Nord", (await Client().PageAsync("/impressum")).QuerySelector("article.legal strong")!.TextContent);
    }

    [Fact]
    public async Task A_script_typed_into_a_legal_page_is_shown_as_text_and_never_runs()
    {
        var office = await OfficeAsync();
        var edit = await office.PageAsync("/servicestelle/rechtliches/datenschutz");
        var attack = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[Kontakt](javascript:alert(3))";
        await office.SubmitAsync(edit.Form("form.legal-editor"), new Dictionary<string, string[]> { ["Markdown"] = [attack] },
            action: "/servicestelle/rechtliches/datenschutz?handler=Save");
        var page = await Client().PageAsync("/datenschutz");
        var article = page.QuerySelector("article.legal")!;
        Assert.Empty(article.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(article.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert(1)</script>", Article(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_or_overlong_text_is_refused_and_the_page_stays_as_it_was()
    {
        var office = await OfficeAsync();
        foreach (var text in (string[])["   ", new string('x', LegalPageStore.MaxLength + 1)])
        {
            var edit = await office.PageAsync("/servicestelle/rechtliches/barrierefreiheit");
            var refused = await office.SubmitAsync(edit.Form("form.legal-editor"), new Dictionary<string, string[]> { ["Markdown"] = [text] },
                action: "/servicestelle/rechtliches/barrierefreiheit?handler=Save");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotNull((await refused.ParseAsync()).QuerySelector(".error-summary"));
        }

        Assert.True(_factory.Services.GetRequiredService<LegalPageStore>().Get(LegalPage.Barrierefreiheit).IsDefault);
    }

    [Fact]
    public async Task Only_a_signed_in_office_user_edits_and_unknown_pages_do_not_exist()
    {
        var anonymous = Client();
        Assert.StartsWith("/servicestelle/anmelden", (await anonymous.GetAsync("/servicestelle/rechtliches/impressum")).Location(), StringComparison.Ordinal);
        Assert.StartsWith("/servicestelle/anmelden", (await anonymous.GetAsync("/servicestelle/rechtliches")).Location(), StringComparison.Ordinal);
        var post = await anonymous.PostAsync("/servicestelle/rechtliches/impressum?handler=Save", new FormUrlEncodedContent([new("Markdown", "übernommen")]));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True(_factory.Services.GetRequiredService<LegalPageStore>().Get(LegalPage.Impressum).IsDefault);

        var office = await OfficeAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/servicestelle/rechtliches/agb")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/agb")).StatusCode);
    }
}
