using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Scoring.Loading;
using SelfEval.Web.Cli;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Workbench;

namespace SelfEval.Web.Tests.Workbench;

/// <summary>
/// The office's preview of a guide version (sections as answered, conditions per profile, the blank form, the profile
/// from made-up answers) and the comparison of a draft with the published version. The drafts come from a test
/// <see cref="IDraftLoader"/> that loads edited copies of the fixture guide, as the workbench's draft store will.
/// </summary>
public sealed class PreviewTests : IDisposable
{
    private const string Password = "ein-langes-passwort";

    /// <summary>test-aufbau with one question reworded, one removed and one asked of founding teams only.</summary>
    private const long Edited = 7;

    /// <summary>test-aufbau unchanged.</summary>
    private const long Unchanged = 8;

    /// <summary>A draft with an error: nothing to preview.</summary>
    private const long Broken = 9;

    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();
    private readonly WebApplicationFactory<Program> _app;

    public PreviewTests()
    {
        var output = new StringWriter();
        Assert.Equal(0, Commands.Run(["add-office-user", "anna", "--password-stdin", "--database", _factory.DatabasePath], output, output, stdin: new StringReader(Password)));
        _app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IDraftLoader>(sp => new FixtureDrafts(sp.GetRequiredService<QuestionnaireCatalog>()))));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Anonymous() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> OfficeAsync()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("/servicestelle", (await client.LoginAsync("anna", Password)).Location());
        return client;
    }

    private static string Draft(long id, string rest = "vorschau") => $"/servicestelle/leitfaeden/entwurf/{id}/{rest}";

    [Theory]
    [InlineData("/servicestelle/leitfaeden/entwurf/7/vorschau")]
    [InlineData("/servicestelle/leitfaeden/entwurf/7/vorschau/test-partner?handler=Blank")]
    [InlineData("/servicestelle/leitfaeden/entwurf/7/vorschau?handler=Profile")]
    [InlineData("/servicestelle/leitfaeden/entwurf/7/vergleich")]
    [InlineData("/servicestelle/leitfaeden/test-aufbau/vorschau")]
    public async Task Anonymous_visitors_are_sent_to_the_login(string url)
    {
        var response = await Anonymous().GetAsync(url);

        Assert.StartsWith("/servicestelle/anmelden", response.Location(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/servicestelle/leitfaeden/entwurf/404/vorschau")]
    [InlineData("/servicestelle/leitfaeden/entwurf/404/vergleich")]
    [InlineData("/servicestelle/leitfaeden/entwurf/404/vorschau?handler=Profile")]
    [InlineData("/servicestelle/leitfaeden/entwurf/7/vorschau/keine-solche-seite")]
    [InlineData("/servicestelle/leitfaeden/kein-leitfaden/vorschau")]
    public async Task An_unknown_draft_guide_or_section_is_not_found(string url)
    {
        var client = await OfficeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_question_in_the_preview_is_the_same_markup_as_on_the_answering_page()
    {
        var respondent = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var start = await respondent.PageAsync($"/start/{TestGuides.Aufbau}");
        var token = (await respondent.SubmitAsync(start.Form("form.answer-form"), TestGuides.Profile("Initiative Vorschau"))).Location()[3..46];
        var answering = await respondent.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");

        var office = await OfficeAsync();
        var preview = await office.PageAsync($"/servicestelle/leitfaeden/{TestGuides.Aufbau}/vorschau/{TestGuides.PartnerSection}");

        foreach (var id in new[] { "frage-test-partner-unternehmen", "frage-test-partner-vereinbarung", "frage-test-partner-anzahl" })
        {
            var expected = answering.GetElementById(id)!.OuterHtml;
            Assert.Equal(expected, preview.GetElementById(id)!.OuterHtml);
        }

        Assert.Equal("get", preview.Form("form#antworten").Method, ignoreCase: true);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("?q.phase=gruendung", false)]
    [InlineData("?q.phase=etabliert", true)]
    public async Task The_chosen_profile_decides_which_questions_the_preview_asks(string query, bool hidden)
    {
        var client = await OfficeAsync();

        var page = await client.PageAsync(Draft(Edited) + "/test-ziele" + query);

        // "Wen will die Testinitiative erreichen?" is asked of founding teams only in the draft.
        Assert.Equal(hidden || query.Length == 0, page.GetElementById("frage-test-zielgruppen")!.HasAttribute("hidden"));
        Assert.Equal(hidden || query.Length == 0, page.QuerySelector("[data-not-asked=test-zielgruppen]") is not null);
        Assert.False(page.GetElementById("frage-test-ziele-schriftlich")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task The_presets_are_links_that_choose_a_founding_team_or_an_established_initiative()
    {
        var client = await OfficeAsync();
        var page = await client.PageAsync(Draft(Edited) + "/test-ziele");

        var presets = page.QuerySelectorAll(".presets a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        Assert.Equal(Draft(Edited) + "/test-ziele?q.phase=gruendung", presets["Gründungsteam"]);
        Assert.Equal(Draft(Edited) + "/test-ziele?q.phase=etabliert", presets["Etablierte Initiative"]);

        var founding = await client.PageAsync(presets["Gründungsteam"]);
        Assert.False(founding.GetElementById("frage-test-zielgruppen")!.HasAttribute("hidden"));
        Assert.Equal("true", founding.QuerySelector(".presets a[aria-current]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task An_answer_typed_into_the_preview_shows_its_follow_up_and_nothing_is_saved()
    {
        var client = await OfficeAsync();

        var before = await client.PageAsync(Draft(Edited) + "/test-partner");
        var after = await client.PageAsync(Draft(Edited) + "/test-partner?q.test-partner-vereinbarung=ja");

        Assert.True(before.GetElementById("frage-test-partner-anzahl")!.HasAttribute("hidden"));
        Assert.False(after.GetElementById("frage-test-partner-anzahl")!.HasAttribute("hidden"));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)after.QuerySelector("#frage-test-partner-vereinbarung input[value=ja]")!).IsChecked);
    }

    [Fact]
    public async Task The_blank_form_of_a_draft_shows_its_new_wording_and_not_the_removed_question()
    {
        var client = await OfficeAsync();

        var page = await client.PageAsync(Draft(Edited) + "?handler=Blank");

        var text = page.QuerySelector("article.blank")!.TextContent;
        Assert.Contains("Sind sich alle im Team über die Ziele einig?", text, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("frage-test-budget"));
        Assert.NotNull(page.GetElementById("frage-test-ziele-schriftlich"));
    }

    [Theory]
    [InlineData("Mixed", new[] { "Sind die Ziele schriftlich festgehalten?", "Arbeiten Unternehmen mit?", "Ist die Finanzierung für das nächste Jahr gesichert?" }, new[] { "Sind sich alle im Team über die Ziele einig?", "Gibt es eine schriftliche Vereinbarung mit den Partnern?", "Gibt es eine Kasse für kleine Ausgaben?" })]
    [InlineData("AllLow", new string[0], new string[0])] // every answer at the mean: nothing stands out
    [InlineData("AllHigh", new string[0], new string[0])]
    public async Task The_profile_preview_lists_the_strengths_and_development_areas_the_answers_give(string answers, string[] strengths, string[] weaknesses)
    {
        var client = await OfficeAsync();

        var page = await client.PageAsync(Draft(Edited) + $"?handler=Profile&answers={answers}&q.phase=gruendung");

        var listed = (string selector) => page.QuerySelectorAll(selector + " li strong").Select(s => s.TextContent.Trim()).Order().ToList();
        Assert.Equal(strengths.Order(), listed("section.strengths"));
        Assert.Equal(weaknesses.Order(), listed("section.weaknesses"));
    }

    [Fact]
    public async Task All_low_for_a_founding_team_recommends_the_offer_for_founders_and_a_divided_team_has_questions_to_discuss()
    {
        var client = await OfficeAsync();

        var low = await client.PageAsync(Draft(Edited) + "?handler=Profile&answers=AllLow&q.phase=gruendung");
        var divided = await client.PageAsync(Draft(Edited) + "?handler=Profile&answers=DividedTeam&q.phase=gruendung");

        Assert.Contains(low.QuerySelectorAll("section.offers h3"), h => h.TextContent.StartsWith("Testberatung", StringComparison.Ordinal));
        Assert.Null(low.QuerySelector(".discuss-preview"));
        Assert.Contains("Sind die Ziele schriftlich festgehalten?", divided.QuerySelectorAll(".discuss-preview li strong").Select(s => s.TextContent.Trim()));
    }

    [Fact]
    public async Task The_comparison_lists_the_reworded_and_the_removed_question_with_the_warning_first()
    {
        var client = await OfficeAsync();

        var page = await client.PageAsync(Draft(Edited, "vergleich"));

        var reworded = page.QuerySelector("section[data-kind=Reworded] tr[data-question=test-ziele-einig]")!;
        Assert.Equal("Sind sich alle über die Ziele einig?", reworded.QuerySelector("td.old")!.TextContent);
        Assert.Equal("Sind sich alle im Team über die Ziele einig?", reworded.QuerySelector("td.new")!.TextContent);
        Assert.Equal("Wie hoch ist das Jahresbudget in Euro?", page.QuerySelector("section[data-kind=Removed] tr[data-question=test-budget] td.old")!.TextContent);
        Assert.NotNull(page.QuerySelector("section[data-kind=ConditionChanged] tr[data-question=test-zielgruppen]"));

        var warning = page.QuerySelector("li[data-warning=QuestionRemoved][data-question=test-budget]")!;
        Assert.StartsWith("Frage 3.3 (test-budget) entfällt: Frühere Antworten darauf fließen nicht mehr in Trend und Vergleich ein", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("„renamed“", warning.TextContent, StringComparison.Ordinal);
        Assert.True(warning.CompareDocumentPosition(page.QuerySelector("section.changes")!).HasFlag(DocumentPositions.Following));
    }

    [Fact]
    public async Task A_draft_equal_to_the_published_version_says_there_are_no_changes()
    {
        var client = await OfficeAsync();

        var page = await client.PageAsync(Draft(Unchanged, "vergleich"));

        Assert.StartsWith("Keine Änderungen", page.QuerySelector("main p.notice[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("section.changes"));
        Assert.Empty(page.QuerySelectorAll("li[data-warning]"));
    }

    [Theory]
    [InlineData("vorschau")]
    [InlineData("vergleich")]
    public async Task A_draft_that_does_not_load_shows_its_errors_instead_of_a_preview(string page)
    {
        var client = await OfficeAsync();

        var document = await client.PageAsync(Draft(Broken, page));

        Assert.Contains("Zeile", document.QuerySelector("ul.load-errors li")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("form#antworten"));
    }

    /// <summary>Edited copies of the fixture guide, loaded with the fixture profile and offers as a draft is.</summary>
    private sealed class FixtureDrafts(QuestionnaireCatalog catalog) : IDraftLoader
    {
        private static string Fixture(string name) => File.ReadAllText(Path.Combine(TestPaths.TestQuestionnaires, name));

        public CheckedDraft? Load(long draftId)
        {
            var published = Fixture("test-aufbau.md");
            var text = draftId switch
            {
                Edited => Edit(
                    published,
                    "### Sind sich alle über die Ziele einig?", "### Sind sich alle im Team über die Ziele einig?",
                    "  - politik: Politik\n", "  - politik: Politik\n- when: phase = gruendung\n",
                    "### Wie hoch ist das Jahresbudget in Euro? {#test-budget}\n\n- type: number\n- required: nein\n- min: 0\n- max: 10000000\n", ""),
                Unchanged => published,
                Broken => published.Replace("- type: yesno", "- type: jein", StringComparison.Ordinal),
                _ => null,
            };
            if (text is null)
            {
                return null;
            }

            var result = QuestionnaireLoader.Load(
                [SourceFile.FromText("profil.md", Fixture("profil.md")), SourceFile.FromText("angebote.md", Fixture("angebote.md")), SourceFile.FromText("test-aufbau.md", text)],
                LoadScope.Draft);
            var guide = result.Questionnaires.FirstOrDefault(q => q.Id == TestGuides.Aufbau);
            return new CheckedDraft(draftId, "test-aufbau.md", text, result, guide, result.Offers, catalog.Find(TestGuides.Aufbau));
        }

        private static string Edit(string text, params string[] pairs)
        {
            for (var i = 0; i < pairs.Length; i += 2)
            {
                Assert.Contains(pairs[i], text, StringComparison.Ordinal);
                text = text.Replace(pairs[i], pairs[i + 1], StringComparison.Ordinal);
            }

            return text;
        }
    }
}
