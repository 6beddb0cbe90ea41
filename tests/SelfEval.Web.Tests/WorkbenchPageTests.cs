using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Cli;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Workbench;

namespace SelfEval.Web.Tests;

/// <summary>
/// The office's workbench through its pages and real forms: uploading, checking, refusing and publishing a guide in
/// the running service, with rounds already started kept on their version.
/// </summary>
public sealed class WorkbenchPageTests : IDisposable
{
    private const string Password = "ein-langes-passwort";
    private const string Old = "Sind die Ziele schriftlich festgehalten?";
    private const string New = "Sind die Ziele irgendwo notiert?";
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(("SelfEval:StartsPerHour", "1000"));

    public WorkbenchPageTests()
    {
        var output = new StringWriter();
        Assert.Equal(0, Commands.Run(["add-office-user", "anna", "--password-stdin", "--database", _factory.DatabasePath], output, output, stdin: new StringReader(Password)));
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> OfficeAsync()
    {
        var client = Client();
        await client.LoginAsync("anna", Password);
        return client;
    }

    private static string Aufbau => File.ReadAllText(Path.Combine(TestPaths.TestQuestionnaires, "test-aufbau.md"));

    /// <summary>Uploads a file through the page's upload form; the response is the form's answer.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        var page = await client.PageAsync("/servicestelle/leitfaeden");
        var form = page.Form("form.upload");
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in Forms.Values(form))
        {
            content.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        content.Add(file, "datei", name);
        return await client.PostAsync(form.GetAttribute("action"), content);
    }

    private static async Task<string> UploadDraftAsync(HttpClient client, string text, string name = "test-aufbau.md")
    {
        var response = await UploadAsync(client, name, Encoding.UTF8.GetBytes(text));
        var location = response.Location();
        Assert.StartsWith("/servicestelle/leitfaeden/entwurf/", location, StringComparison.Ordinal);
        return location;
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string draft, string text) =>
        await client.SubmitAsync((await client.PageAsync(draft)).Form("form.draft-form"), new Dictionary<string, string[]> { ["text"] = [text] });

    private static async Task<HttpResponseMessage> PublishAsync(HttpClient client, string draft)
    {
        var confirm = await client.PageAsync($"{draft}/veroeffentlichen");
        return await client.SubmitAsync(confirm.Form("form[action*=Publish]"));
    }

    private static async Task<string> UploadErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ParseAsync()).QuerySelector(".error-summary")!.TextContent;
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        var client = Client();
        foreach (var url in new[] { "/servicestelle/leitfaeden", "/servicestelle/leitfaeden/entwurf/1", "/servicestelle/leitfaeden/entwurf/1/veroeffentlichen" })
        {
            var response = await client.GetAsync(url);
            Assert.StartsWith("/servicestelle/anmelden", response.Location(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_office_page_links_to_the_guides()
    {
        var client = await OfficeAsync();
        var office = await client.PageAsync("/servicestelle");
        Assert.NotNull(office.QuerySelector(".office-bar a[href='/servicestelle/leitfaeden']"));
    }

    [Fact]
    public async Task The_list_shows_each_guide_with_its_version_and_where_it_comes_from()
    {
        var client = await OfficeAsync();
        var page = await client.PageAsync("/servicestelle/leitfaeden");
        var catalog = _factory.Services.GetRequiredService<QuestionnaireCatalog>();

        var sections = page.QuerySelectorAll("section.workbench-guide");
        Assert.Equal(catalog.Questionnaires.Count, sections.Length);
        var aufbau = sections.Single(s => s.QuerySelector("h2")!.TextContent == catalog.Find(TestGuides.Aufbau)!.Title).TextContent;
        Assert.Contains("Version 1.0", aufbau, StringComparison.Ordinal);
        Assert.Contains(catalog.Find(TestGuides.Aufbau)!.Hash[..8], aufbau, StringComparison.Ordinal);
        Assert.Contains("aus dem Ordner", aufbau, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_with_two_mistakes_is_kept_and_shows_both_at_their_lines_and_cannot_be_published()
    {
        var client = await OfficeAsync();
        var text = Aufbau.Replace("- weight: 2", "- weight: zwei", StringComparison.Ordinal).Replace("- scale: einigkeit", "- scale: einigkeiten", StringComparison.Ordinal);
        var draft = await UploadDraftAsync(client, text);

        var page = await client.PageAsync(draft);
        var links = page.QuerySelectorAll(".draft-errors li a").Select(a => a.GetAttribute("href")).ToList();
        var lines = text.Split('\n');
        Assert.Equal([$"#zeile-{Array.IndexOf(lines, "- weight: zwei") + 1}", $"#zeile-{Array.IndexOf(lines, "- scale: einigkeiten") + 1}"], links);
        foreach (var link in links)
        {
            Assert.Contains("line-error", page.QuerySelector(link!)!.ClassName, StringComparison.Ordinal);
        }

        Assert.Equal(text, ((IHtmlTextAreaElement)page.QuerySelector("textarea#text")!).Value);
        Assert.Null(page.QuerySelector($"a[href='{draft}/veroeffentlichen']"));

        // The confirmation page refuses, and so does a POST sent past it.
        var confirm = await client.PageAsync($"{draft}/veroeffentlichen");
        Assert.Contains(WorkbenchTexts.HasErrors, confirm.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(confirm.QuerySelector("form[action*=Publish]"));
        var forced = await client.SubmitAsync((await client.PageAsync(draft)).Form("form.draft-form"), action: $"{draft}/veroeffentlichen?handler=Publish");
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains(WorkbenchTexts.HasErrors, await forced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("1.0", _factory.Services.GetRequiredService<QuestionnaireCatalog>().Find(TestGuides.Aufbau)!.Version);

        // Fixed and saved, it can be published.
        var saved = await SaveAsync(client, draft, Aufbau.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal($"{draft}?gespeichert=True", saved.Location());
        var fixedPage = await client.PageAsync(saved.Location());
        Assert.Empty(fixedPage.QuerySelectorAll(".draft-errors li"));
        Assert.NotNull(fixedPage.QuerySelector($"a[href='{draft}/veroeffentlichen']"));
    }

    [Fact]
    public async Task Publishing_changes_what_new_rounds_start_with_while_a_started_round_keeps_its_wording()
    {
        var office = await OfficeAsync();
        var coordinator = Client();
        var before = await CoordinatorTests.StartAsync(coordinator, guide: TestGuides.Aufbau);
        Assert.Contains(Old, (await coordinator.PageAsync($"/a/{before}/test-ziele")).Body!.TextContent, StringComparison.Ordinal);

        var draft = await UploadDraftAsync(office, Aufbau.Replace(Old, New, StringComparison.Ordinal).Replace("version: \"1.0\"", "version: \"1.1\"", StringComparison.Ordinal), "Testaufbau (1).md");
        var published = await PublishAsync(office, draft);
        Assert.Equal($"/servicestelle/leitfaeden?notice=Published&guideId={TestGuides.Aufbau}", published.Location());
        foreach (var url in new[] { published.Location(), $"/servicestelle/leitfaeden?veroeffentlicht={TestGuides.Aufbau}" })
        {
            Assert.Contains("ist veröffentlicht", (await office.PageAsync(url)).QuerySelector("p.notice[role=status]")!.TextContent, StringComparison.Ordinal);
        }

        var list = await office.PageAsync(published.Location());
        Assert.Contains("Version 1.1", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("veröffentlicht am", list.QuerySelector("section.workbench-guide")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Frühere Fassungen (1)", list.QuerySelector("section.workbench-guide details summary")!.TextContent, StringComparison.Ordinal);

        var after = await CoordinatorTests.StartAsync(coordinator, "Initiative Südwind", TestGuides.Aufbau);
        var oldRound = (await coordinator.PageAsync($"/a/{before}/test-ziele")).Body!.TextContent;
        var newRound = (await coordinator.PageAsync($"/a/{after}/test-ziele")).Body!.TextContent;
        Assert.Contains(Old, oldRound, StringComparison.Ordinal);
        Assert.DoesNotContain(New, oldRound, StringComparison.Ordinal);
        Assert.Contains(New, newRound, StringComparison.Ordinal);
        Assert.Contains(New, (await coordinator.PageAsync($"/leitfaden/{TestGuides.Aufbau}")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_with_the_id_of_another_guide_is_refused_at_publishing_with_the_reason()
    {
        var client = await OfficeAsync();
        var draft = await UploadDraftAsync(client, Aufbau.Replace("id: test-aufbau", "id: test-wirkung", StringComparison.Ordinal));

        var confirm = await client.PageAsync($"{draft}/veroeffentlichen");

        Assert.Contains("Die Fragebogen-ID 'test-wirkung' wird schon in test-wirkung.md verwendet.", confirm.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(confirm.QuerySelector("form[action*=Publish]"));
    }

    [Fact]
    public async Task An_upload_that_is_not_utf8_is_refused_with_the_line_of_the_bad_byte()
    {
        var client = await OfficeAsync();
        var bytes = Encoding.Latin1.GetBytes(Aufbau);

        var error = await UploadErrorAsync(await UploadAsync(client, "test-aufbau.md", bytes));

        Assert.Contains("nicht als UTF-8 gespeichert", error, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts gespeichert", error, StringComparison.Ordinal);
        Assert.Empty(_factory.Services.GetRequiredService<DraftStore>().All());
    }

    [Fact]
    public async Task An_upload_larger_than_the_limit_is_refused()
    {
        var client = await OfficeAsync();
        var bytes = Encoding.UTF8.GetBytes(Aufbau + new string('x', WorkbenchTexts.MaxDraftBytes));

        var error = await UploadErrorAsync(await UploadAsync(client, "test-aufbau.md", bytes));

        Assert.Contains("höchstens 256 KB", error, StringComparison.Ordinal);
        Assert.Empty(_factory.Services.GetRequiredService<DraftStore>().All());
    }

    [Fact]
    public async Task An_upload_that_is_not_markdown_is_refused()
    {
        var client = await OfficeAsync();

        var error = await UploadErrorAsync(await UploadAsync(client, "leitfaden.docx", [0x50, 0x4B, 0x03, 0x04, 0x00]));

        Assert.Contains("keine Markdown-Datei", error, StringComparison.Ordinal);
        Assert.Empty(_factory.Services.GetRequiredService<DraftStore>().All());
    }

    [Fact]
    public async Task A_text_larger_than_the_limit_is_not_saved_and_stays_in_the_text_area()
    {
        var client = await OfficeAsync();
        var draft = await UploadDraftAsync(client, Aufbau);
        var large = Aufbau + new string('x', WorkbenchTexts.MaxDraftBytes);

        var response = await SaveAsync(client, draft, large);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("nicht gespeichert", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(large, ((IHtmlTextAreaElement)page.QuerySelector("textarea#text")!).Value);
        Assert.Equal(Aufbau, _factory.Services.GetRequiredService<DraftStore>().All().Single().Text);
    }

    [Fact]
    public async Task A_copy_of_the_published_guide_becomes_a_draft_and_can_be_discarded()
    {
        var client = await OfficeAsync();
        var list = await client.PageAsync("/servicestelle/leitfaeden");
        var copied = await client.SubmitAsync(list.Form($"form[action*='handler=Copy'][action*='leitfaden={TestGuides.Aufbau}']"));
        var draft = copied.Location();
        var page = await client.PageAsync(draft);
        Assert.Equal(Aufbau, ((IHtmlTextAreaElement)page.QuerySelector("textarea#text")!).Value);
        Assert.NotNull(page.QuerySelector($"a[href='{draft}/veroeffentlichen']"));

        var discard = await client.PageAsync($"{draft}/verwerfen");
        var discarded = await client.SubmitAsync(discard.Form("form[action*=Discard]"));

        Assert.Equal("/servicestelle/leitfaeden?notice=Discarded", discarded.Location());
        foreach (var url in new[] { discarded.Location(), "/servicestelle/leitfaeden?verworfen=True" })
        {
            Assert.Equal("Der Entwurf wurde verworfen.", (await client.PageAsync(url)).QuerySelector("p.notice[role=status]")!.TextContent);
        }

        Assert.Empty(_factory.Services.GetRequiredService<DraftStore>().All());
    }
    [Fact]
    public async Task The_list_and_the_editor_lead_to_the_preview_and_comparison_of_a_real_draft_and_publishing_shows_its_warnings()
    {
        var client = await OfficeAsync();
        var list = await client.PageAsync("/servicestelle/leitfaeden");
        foreach (var guide in _factory.Services.GetRequiredService<QuestionnaireCatalog>().Questionnaires)
        {
            Assert.NotNull(list.QuerySelector($"section.workbench-guide a[href='/servicestelle/leitfaeden/{guide.Id}/vorschau']"));
        }

        var draft = (await client.SubmitAsync(list.Form($"form[action*='handler=Copy'][action*='leitfaden={TestGuides.Aufbau}']"))).Location();
        var reworded = Aufbau.Replace(Old, New, StringComparison.Ordinal).Replace("- weight: 2\n", "- weight: 3\n", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, draft, reworded)).StatusCode);

        var editor = await client.PageAsync(draft);
        Assert.NotNull(editor.QuerySelector($"a[href='{draft}/vorschau']"));
        Assert.NotNull(editor.QuerySelector($"a[href='{draft}/vergleich']"));

        list = await client.PageAsync("/servicestelle/leitfaeden");
        Assert.NotNull(list.QuerySelector($".workbench-drafts a[href='{draft}/vorschau']"));
        var comparison = await client.PageAsync(list.QuerySelector($".workbench-drafts a[href='{draft}/vergleich']")!.GetAttribute("href")!);
        var row = comparison.QuerySelector("section[data-kind=Reworded] tr[data-question=test-ziele-schriftlich]")!;
        Assert.Equal(Old, row.QuerySelector("td.old")!.TextContent);
        Assert.Equal(New, row.QuerySelector("td.new")!.TextContent);

        var preview = (await client.PageAsync($"{draft}/vorschau/test-ziele")).QuerySelector("main")!.TextContent;
        Assert.Contains(New, preview, StringComparison.Ordinal);
        Assert.DoesNotContain(Old, preview, StringComparison.Ordinal);

        var confirm = await client.PageAsync($"{draft}/veroeffentlichen");
        var warnings = confirm.QuerySelector(".warnings")!;
        Assert.Contains("(test-ziele-schriftlich) hat ein anderes Gewicht", warnings.QuerySelector("[data-warning=WeightChanged][data-question=test-ziele-schriftlich]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(warnings.QuerySelector($"a[href='{draft}/vergleich']"));
    }

    [Fact]
    public async Task A_save_based_on_an_older_version_is_refused_keeps_the_typed_text_and_shows_the_other_text()
    {
        var client = await OfficeAsync();
        var draft = await UploadDraftAsync(client, Aufbau);
        var mine = (await client.PageAsync(draft)).Form("form.draft-form");
        var theirs = (await client.PageAsync(draft)).Form("form.draft-form");
        var theirText = Aufbau.Replace(Old, New, StringComparison.Ordinal);
        var myText = Aufbau.Replace(Old, "Sind die Ziele aufgeschrieben?", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(theirs, new Dictionary<string, string[]> { ["text"] = [theirText] })).StatusCode);
        var refused = await client.SubmitAsync(mine, new Dictionary<string, string[]> { ["text"] = [myText] });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains("Jemand hat diesen Entwurf inzwischen geändert", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(myText, ((IHtmlTextAreaElement)page.QuerySelector("textarea#text")!).Value);
        Assert.Equal(theirText, ((IHtmlTextAreaElement)page.QuerySelector("textarea#aktuell")!).Value);
        var store = _factory.Services.GetRequiredService<DraftStore>();
        Assert.Equal(theirText, store.All().Single().Text);

        // Merged by hand on the refusal page, the next save is based on the current text and goes through.
        var merged = await client.SubmitAsync(page.Form("form.draft-form"), new Dictionary<string, string[]> { ["text"] = [myText] });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(myText, store.All().Single().Text);
    }

    [Fact]
    public async Task The_same_save_sent_twice_is_not_a_conflict()
    {
        var client = await OfficeAsync();
        var draft = await UploadDraftAsync(client, Aufbau);
        var form = (await client.PageAsync(draft)).Form("form.draft-form");
        var text = Aufbau.Replace(Old, New, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form, new Dictionary<string, string[]> { ["text"] = [text] })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form, new Dictionary<string, string[]> { ["text"] = [text] })).StatusCode);
        Assert.Equal(text, _factory.Services.GetRequiredService<DraftStore>().All().Single().Text);
    }
}
