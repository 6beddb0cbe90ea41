using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Tests;

/// <summary>
/// Evidence per answer ("Woran machen Sie das fest?", issue 16) through the real forms: typed on the section
/// page, shown on the overview, exported as the sharing rules allow, counted in the profile.
/// </summary>
public sealed class EvidenceTests : IDisposable
{
    private const string Section = TestGuides.GoalsSection;
    private const string Scale = "test-ziele-schriftlich"; // levels 0 to 2, no "weiß nicht"
    private const string Other = "test-ziele-einig";

    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();

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
        var page = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        var set = new Dictionary<string, string[]>(TestGuides.Profile("Initiative Nordwind")) { ["CoordinatorName"] = [name] };
        return (await client.SubmitAsync(page.Form("form.answer-form"), set)).Location()[3..46];
    }

    /// <summary>Joins through the real invitation form with the sharing choice given; returns the personal link.</summary>
    private async Task<(HttpClient Client, string Link)> JoinAsync(HttpClient coordinator, string token, string name, string sharing)
    {
        var invite = new Uri(((IHtmlInputElement)(await coordinator.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;
        var client = Client();
        var join = await client.PageAsync(invite);
        var location = (await client.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = [name], ["Sharing"] = [sharing] })).Location();
        return (client, location[..46]);
    }

    /// <summary>A team of three: Anna coordinates, Bernd shares nothing, Dora shares as "Person …"; each gives a level and a note.</summary>
    private async Task<(HttpClient Coordinator, string Token)> TeamAsync()
    {
        var anna = Client();
        var token = await StartAsync(anna);
        var (bernd, berndLink) = await JoinAsync(anna, token, "Bernd", "none");
        var (dora, doraLink) = await JoinAsync(anna, token, "Dora", "pseudonym");
        await PostSectionAsync(anna, $"/a/{token}", new() { ["q." + Scale] = ["2"], ["e." + Scale] = ["=HYPERLINK(\"http://example.org\")"], ["q." + Other] = ["2"] });
        await PostSectionAsync(bernd, berndLink, new() { ["q." + Scale] = ["0"], ["e." + Scale] = ["Geheimbeleg-Bernd-4711"], ["q." + Other] = ["1"] });
        await PostSectionAsync(dora, doraLink, new() { ["q." + Scale] = ["1"], ["e." + Scale] = ["Beleg-Dora-2323"], ["q." + Other] = ["2"], ["e." + Other] = ["Organigramm"] });
        return (anna, token);
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
        var goals = await client.PageAsync($"/a/{token}/test-anmerkungen"); // free texts only
        var profile = await client.PageAsync($"/a/{token}/{TestGuides.ProfileSection}");

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

        var response = await PostSectionAsync(client, $"/a/{token}", new() { ["q." + Scale] = ["2"], ["e." + Scale] = ["  Protokoll der Mitgliederversammlung  "] });

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

        var response = await PostSectionAsync(client, $"/a/{token}", new() { ["q." + Scale] = ["2"], ["e." + Scale] = [tooLong], ["q." + Other] = ["2"], ["e." + Other] = ["Organigramm"] }, "go=weiter");

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
        Assert.True(((IHtmlInputElement)page.QuerySelector($"#frage-{Scale} input[value='2']")!).IsChecked);
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

        var response = await PostSectionAsync(client, $"/a/{token}", new() { ["q." + Scale] = ["2"], ["e." + Scale] = [lines] });

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

        var response = await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q." + Scale] = ["1"], ["e." + Scale] = [new string('x', 600)] }, action: $"/a/{token}/{Section}?handler=Autosave");

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
            ["q." + Scale] = ["2"], ["e." + Scale] = ["Siehe https://example.org/protokoll.pdf, <script>alert(1)</script>"],
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
        Assert.Contains("Sind die Ziele schriftlich festgehalten?", note.Closest("div")!.QuerySelector("dt")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_export_shows_evidence_one_by_one_only_where_it_shows_the_answers_and_otherwise_only_in_the_teams_sorted_notes()
    {
        var (coordinator, token) = await TeamAsync();

        var text = await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=json");
        var json = JsonNode.Parse(text)!;

        var people = json["respondents"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal("=HYPERLINK(\"http://example.org\")", (string?)people[0]["evidence"]![Scale]); // the JSON keeps every text as typed
        Assert.Matches("^Person [A-Z]$", (string)people[1]["label"]!);
        Assert.Equal("Beleg-Dora-2323", (string?)people[1]["evidence"]![Scale]);
        Assert.Equal(2, people.Count);
        var team = json["team"]!["answers"]![Scale]!;
        Assert.Equal(["=HYPERLINK(\"http://example.org\")", "Beleg-Dora-2323", "Geheimbeleg-Bernd-4711"], team["evidence"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(3, (int)team["withEvidence"]!);
        var withoutTeam = json.AsObject();
        withoutTeam.Remove("team");
        Assert.DoesNotContain("Geheimbeleg-Bernd-4711", withoutTeam.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_adds_an_evidence_column_per_scored_question_protected_from_formulas()
    {
        var (coordinator, token) = await TeamAsync();

        var csv = await coordinator.GetStringAsync($"/k/{token}/export?runde=1&format=csv");
        using var reader = CsvHelper.CsvReader.Create(new StringReader(csv), CsvHelper.CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        var header = rows[0].ToList();
        string Cell(int row, string column) => rows[row][header.IndexOf(column)];
        Assert.Contains($"{Scale}.evidence", header);
        Assert.DoesNotContain($"{TestGuides.GoalsText}.evidence", header); // open questions take no note
        Assert.Equal("'=HYPERLINK(\"http://example.org\")", Cell(1, $"{Scale}.evidence"));
        Assert.Equal("Beleg-Dora-2323", Cell(2, $"{Scale}.evidence"));
        Assert.Equal(string.Empty, Cell(1, $"{Other}.evidence"));
        Assert.Equal("Organigramm", Cell(3, $"{Other}.evidence"));
        Assert.Equal("'=HYPERLINK(\"http://example.org\")\n\nBeleg-Dora-2323\n\nGeheimbeleg-Bernd-4711", Cell(3, $"{Scale}.evidence"));
        Assert.Single(csv.Split('\n'), line => line.Contains("Geheimbeleg-Bernd-4711", StringComparison.Ordinal)); // the team's row only
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task The_team_profile_counts_answers_with_evidence_in_one_sentence_and_lists_the_notes_without_names_in_the_appendix()
    {
        var (coordinator, token) = await TeamAsync();

        var page = await coordinator.PageAsync($"/k/{token}/ergebnis?runde=1");
        var pdf = PdfText.Flat(PdfText.Read(await coordinator.GetByteArrayAsync($"/k/{token}/ergebnis?runde=1&handler=Pdf")));
        var html = System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("main")!.TextContent, @"\s+", " ");

        // Anna, Bernd and Dora each gave two scored answers; four of the six came with a note.
        var sentence = SelfEval.Web.Reports.ProfileTexts.EvidenceSentence(new SelfEval.Scoring.Profile.EvidenceCount(4, 6));
        Assert.StartsWith("Bei 4 von 6 Antworten mit Beleg", sentence, StringComparison.Ordinal);
        Assert.Contains(sentence, html, StringComparison.Ordinal);
        Assert.Contains(sentence, pdf, StringComparison.Ordinal);
        var appendix = page.QuerySelector("details.evidence-notes")!;
        Assert.Equal(
            ["=HYPERLINK(\"http://example.org\")", "Beleg-Dora-2323", "Geheimbeleg-Bernd-4711"],
            appendix.QuerySelectorAll("h3").First(h => h.TextContent.Contains("Sind die Ziele schriftlich festgehalten?", StringComparison.Ordinal)).NextElementSibling!.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Contains("Geheimbeleg-Bernd-4711", pdf, StringComparison.Ordinal);
        foreach (var output in new[] { html, pdf })
        {
            Assert.DoesNotContain("Bernd", output.Replace("Geheimbeleg-Bernd-4711", "…", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_profile_without_any_note_says_nothing_about_evidence()
    {
        var client = Client();
        var token = await StartAsync(client);
        await PostSectionAsync(client, $"/a/{token}", new() { ["q." + Scale] = ["2"] });

        var page = await client.PageAsync($"/k/{token}/ergebnis?runde=1");

        Assert.DoesNotContain("mit Beleg", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("details.evidence-notes"));
    }

    /// <summary>
    /// Renders Pages/Shared/_Evidence.cshtml as the team conversation does, with one line and the team's notes for
    /// one question as the round's figures carry them, at a test-only address.
    /// </summary>
    private sealed class EvidencePartial : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test-belege", branch => branch.Run(async context =>
            {
                var services = context.RequestServices;
                var round = services.GetRequiredService<AssessmentStore>().GetRound(long.Parse(context.Request.Query["runde"]!, System.Globalization.CultureInfo.InvariantCulture))!;
                var team = RoundAnswers.Of(services.GetRequiredService<RoundReader>().Read(round)).Team;
                var result = new PartialViewResult
                {
                    ViewName = "_Evidence",
                    ViewData = new ViewDataDictionary<IReadOnlyList<string>>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = team.For(context.Request.Query["frage"]!).Evidence },
                };
                await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
            }));
            next(app);
        };
    }

    [Fact]
    public async Task The_conversation_partial_lists_a_questions_notes_sorted_encoded_and_without_anyone_behind_them()
    {
        var (coordinator, token) = await TeamAsync();
        var emil = await JoinAsync(coordinator, token, "Emil", "name");
        await PostSectionAsync(emil.Client, emil.Link, new() { ["q." + Scale] = ["0"], ["e." + Scale] = ["<script>alert(1)</script> javascript:alert(1)"] });
        var round = Sql<long>("SELECT id FROM rounds");
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, EvidencePartial>()));

        var html = await factory.CreateClient().GetStringAsync($"/test-belege?runde={round}&frage={Scale}");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var empty = await factory.CreateClient().GetStringAsync($"/test-belege?runde={round}&frage=test-partner-unternehmen"); // nobody answered it

        var items = page.QuerySelectorAll(".evidence-list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["<script>alert(1)</script> javascript:alert(1)", "=HYPERLINK(\"http://example.org\")", "Beleg-Dora-2323", "Geheimbeleg-Bernd-4711"], items);
        Assert.Null(page.QuerySelector("script"));
        var link = (IHtmlAnchorElement)Assert.Single(page.QuerySelectorAll("a"));
        Assert.Equal("http://example.org/", link.Href);
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        // Nothing beside a note says whose it is: no name, no pseudonym, no id or data attribute to match it by.
        foreach (var word in new[] { "Anna", "Emil", "Person " })
        {
            Assert.DoesNotContain(word, html, StringComparison.Ordinal);
        }

        Assert.All(page.Body!.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name), name => Assert.Contains(name, new[] { "class", "href", "rel" }));

        Assert.Equal(string.Empty, empty.Trim());
    }
}
