using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SelfEval.Web.Tests;

/// <summary>
/// Evidence per answer ("Woran machen Sie das fest?", issue 16) through the real forms: typed on the section
/// page, shown on the overview, exported as the sharing rules allow, counted in the profile.
/// </summary>
public sealed class EvidenceTests : IDisposable
{
    private const string Section = "kuemmerer-ansprechpersonen";
    private const string Scale = "kuemmerer";
    private const string Other = "ansprechpersonen";

    private readonly SelfEvalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private T Sql<T>(string sql, object? args = null)
    {
        using var connection = _factory.Database.Open();
        return connection.ExecuteScalar<T>(sql, args)!;
    }

    private static async Task<string> StartAsync(HttpClient client, string name = "Anna")
    {
        var page = await client.PageAsync("/start/sich-gut-aufstellen");
        var set = new Dictionary<string, string[]>
        {
            ["q.name"] = ["Initiative Nordwind"], ["q.phase"] = ["gruendung"], ["q.ausrichtung"] = ["praktisch-projektorientiert"],
            ["q.rechtsform"] = ["ev"], ["q.land"] = ["ni"], ["q.radius"] = ["regional"], ["q.gruendungsjahr"] = ["2024"],
            ["q.personal"] = ["ehrenamtlich"], ["CoordinatorName"] = [name],
        };
        return (await client.SubmitAsync(page.Form("form.answer-form"), set)).Location()[3..46];
    }

    private static async Task<HttpResponseMessage> PostSectionAsync(HttpClient client, string link, Dictionary<string, string[]> set, string button = "go=bleiben")
    {
        var page = await client.PageAsync($"{link}/{Section}");
        return await client.SubmitAsync(page.Form("#antworten"), set, button);
    }

    private static IHtmlTextAreaElement EvidenceBox(IDocument page, string question) =>
        (IHtmlTextAreaElement)page.QuerySelector($"#frage-{question} textarea[name='e.{question}']")!;

    [Fact]
    public async Task A_scored_question_offers_a_collapsed_optional_evidence_field_and_other_questions_do_not()
    {
        var client = Client();
        var token = await StartAsync(client);

        var page = await client.PageAsync($"/a/{token}/{Section}");
        var goals = await client.PageAsync($"/a/{token}/eigene-ziele");
        var profile = await client.PageAsync($"/a/{token}/profil");

        var details = (IHtmlDetailsElement)page.QuerySelector($"#frage-{Scale} details.evidence")!;
        Assert.False(details.IsOpen);
        Assert.Equal("Beleg angeben (optional)", details.QuerySelector("summary")!.TextContent.Trim());
        var box = EvidenceBox(page, Scale);
        Assert.Equal(500, box.MaxLength);
        Assert.StartsWith("Woran machen Sie das fest?", page.QuerySelector($"label[for='{box.Id}']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Link", page.QuerySelector($"#{box.GetAttribute("aria-describedby")!.Split(' ')[0]}")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(goals.QuerySelectorAll("details.evidence"));
        Assert.Empty(profile.QuerySelectorAll("details.evidence"));
    }

    [Fact]
    public async Task Evidence_is_saved_with_the_answer_and_the_field_opens_when_it_holds_text()
    {
        var client = Client();
        var token = await StartAsync(client);

        var response = await PostSectionAsync(client, $"/a/{token}", new() { ["q." + Scale] = ["3"], ["e." + Scale] = ["  Protokoll der Mitgliederversammlung  "] });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Protokoll der Mitgliederversammlung", Sql<string>("SELECT evidence FROM answers WHERE question_id = @Scale", new { Scale }));
        Assert.Null(Sql<string?>("SELECT evidence FROM answers WHERE question_id = @Other", new { Other }));
        var again = await client.PageAsync($"/a/{token}/{Section}");
        Assert.True(((IHtmlDetailsElement)again.QuerySelector($"#frage-{Scale} details.evidence")!).IsOpen);
        Assert.Equal("Protokoll der Mitgliederversammlung", EvidenceBox(again, Scale).Value);
        Assert.False(((IHtmlDetailsElement)again.QuerySelector($"#frage-{Other} details.evidence")!).IsOpen);
    }

    [Fact]
    public async Task Evidence_over_the_limit_is_refused_next_to_the_field_in_german_and_nothing_typed_is_lost()
    {
        var client = Client();
        var token = await StartAsync(client);
        var tooLong = new string('x', 501);

        var response = await PostSectionAsync(client, $"/a/{token}", new() { ["q." + Scale] = ["3"], ["e." + Scale] = [tooLong], ["q." + Other] = ["2"], ["e." + Other] = ["Organigramm"] }, "go=weiter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var details = (IHtmlDetailsElement)page.QuerySelector($"#frage-{Scale} details.evidence")!;
        Assert.True(details.IsOpen);
        var box = EvidenceBox(page, Scale);
        Assert.Equal(tooLong, box.Value);
        Assert.Equal("true", box.GetAttribute("aria-invalid"));
        var error = details.QuerySelector(".error-text")!;
        Assert.Equal("Der Beleg ist zu lang: höchstens 500 Zeichen, Sie haben 501 geschrieben.", error.TextContent.Replace("Fehler: ", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Contains(error.Id!, box.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{box.Id}']"));
        Assert.True(((IHtmlInputElement)page.QuerySelector($"#frage-{Scale} input[value='3']")!).IsChecked);
        // The question with the error is saved as a whole or not at all; the other one is saved.
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM answers WHERE question_id = @Scale", new { Scale }));
        Assert.Equal("Organigramm", Sql<string>("SELECT evidence FROM answers WHERE question_id = @Other", new { Other }));
    }

    [Fact]
    public async Task A_line_break_counts_as_one_character_as_the_browser_counts_it()
    {
        var client = Client();
        var token = await StartAsync(client);
        var lines = string.Join("\r\n", Enumerable.Repeat(new string('x', 99), 5)); // 495 characters and 4 breaks: 499 in the browser, 503 as sent

        var response = await PostSectionAsync(client, $"/a/{token}", new() { ["q." + Scale] = ["3"], ["e." + Scale] = [lines] });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(lines.Replace("\r\n", "\n", StringComparison.Ordinal), Sql<string>("SELECT evidence FROM answers WHERE question_id = @Scale", new { Scale }));
    }

    [Fact]
    public async Task A_validation_error_elsewhere_on_the_page_never_loses_the_evidence_typed()
    {
        var client = Client();
        var token = await StartAsync(client);

        // "weiß nicht" is not offered for this question: a tampered form, refused with a message.
        var response = await PostSectionAsync(client, $"/a/{token}", new() { ["q." + Scale] = ["__dont-know"], ["e." + Scale] = ["Beleg an der falschen Antwort"], ["e." + Other] = ["Beleg an der richtigen"], ["q." + Other] = ["1"] }, "go=weiter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector($"#frage-{Scale} .error-text"));
        Assert.Equal("Beleg an der falschen Antwort", EvidenceBox(page, Scale).Value);
        Assert.True(((IHtmlDetailsElement)page.QuerySelector($"#frage-{Scale} details.evidence")!).IsOpen);
        Assert.Equal("Beleg an der richtigen", EvidenceBox(page, Other).Value);
        Assert.Equal("Beleg an der richtigen", Sql<string>("SELECT evidence FROM answers WHERE question_id = @Other", new { Other }));
    }

    [Fact]
    public async Task Evidence_without_an_answer_is_kept_but_does_not_count_as_an_answer()
    {
        var client = Client();
        var token = await StartAsync(client);

        await PostSectionAsync(client, $"/a/{token}", new() { ["e." + Scale] = ["Noch unsicher, siehe Satzung"] });
        var again = await client.PageAsync($"/a/{token}/{Section}");
        await PostSectionAsync(client, $"/a/{token}", new() { ["e." + Scale] = [""] });

        Assert.Equal("Noch unsicher, siehe Satzung", EvidenceBox(again, Scale).Value);
        Assert.Equal("offen", again.QuerySelector(".section-nav li.current .state")!.TextContent.Trim());
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM answers WHERE question_id = @Scale", new { Scale })); // emptied: the row goes
    }

    [Fact]
    public async Task The_background_save_reports_evidence_over_the_limit_under_its_question()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{Section}");

        var response = await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q." + Scale] = ["2"], ["e." + Scale] = [new string('x', 600)] }, action: $"/a/{token}/{Section}?handler=Autosave");

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True((bool)json["saved"]!);
        Assert.StartsWith("Der Beleg ist zu lang", (string)json["errors"]![Scale]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_shows_the_evidence_under_the_answer_encoded_with_links_only_for_http_and_https()
    {
        var client = Client();
        var token = await StartAsync(client);
        await PostSectionAsync(client, $"/a/{token}", new()
        {
            ["q." + Scale] = ["3"], ["e." + Scale] = ["Siehe https://example.org/protokoll.pdf, <script>alert(1)</script>"],
            ["q." + Other] = ["2"], ["e." + Other] = ["javascript:alert(1)"],
        });

        var review = await client.PageAsync($"/a/{token}/abschluss");
        var html = review.QuerySelector("#antworten-" + Section)!;

        var note = html.QuerySelectorAll(".evidence-note").Single(n => n.TextContent.Contains("protokoll", StringComparison.Ordinal));
        var link = (IHtmlAnchorElement)note.QuerySelector("a")!;
        Assert.Equal("https://example.org/protokoll.pdf", link.Href);
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Contains("<script>alert(1)</script>", note.TextContent, StringComparison.Ordinal);
        Assert.Null(note.QuerySelector("script"));
        var other = html.QuerySelectorAll(".evidence-note").Single(n => n.TextContent.Contains("javascript", StringComparison.Ordinal));
        Assert.Null(other.QuerySelector("a"));
        Assert.Equal("DD", note.ParentElement!.TagName); // under its own answer
        Assert.Contains("Wer koordiniert", note.Closest("div")!.QuerySelector("dt")!.TextContent, StringComparison.Ordinal);
    }
}
