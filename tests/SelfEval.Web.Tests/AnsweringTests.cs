using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Scoring.Model;
using SelfEval.Web.Assessments;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Tests;

/// <summary>The whole path through the real forms: start, profile, sections, team, finish, rounds, export, delete.</summary>
public sealed class AnsweringTests : IDisposable
{
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client(bool follow = false) =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = follow, HandleCookies = true });

    private Questionnaire Guide(string id = TestGuides.Aufbau) =>
        _factory.Services.GetRequiredService<QuestionnaireCatalog>().Find(id)!;

    private static readonly Dictionary<string, string[]> Profile = new()
    {
        ["q.name"] = ["Initiative Nordwind"],
        ["q.phase"] = ["gruendung"],
        ["q.test-sitz"] = ["nord"],
        ["q.test-startjahr"] = ["2024"],
    };

    /// <summary>Starts an assessment through the start page and returns the coordinator token.</summary>
    private async Task<string> StartAsync(HttpClient client, string guide = TestGuides.Aufbau, IReadOnlyDictionary<string, string[]>? profile = null)
    {
        var page = await client.PageAsync($"/start/{guide}");
        var set = new Dictionary<string, string[]>(profile ?? Profile) { ["OptIn"] = ["true"], ["CoordinatorName"] = ["Anna"] };
        var response = await client.SubmitAsync(page.Form("form.answer-form"), set);
        var location = response.Location();
        Assert.Matches("^/k/[A-Za-z0-9_-]{43}\\?notice=Created$", location);
        return location[3..46];
    }

    private T Sql<T>(string sql, object? args = null)
    {
        using var connection = _factory.Database.Open();
        return connection.ExecuteScalar<T>(sql, args)!;
    }

    /// <summary>An answer for every visible question of a section page: the second option (never "weiß nicht"), or a number/text.</summary>
    private static Dictionary<string, string[]> AnswerAll(IHtmlDocument page)
    {
        var set = new Dictionary<string, string[]>();
        foreach (var field in page.QuerySelectorAll("[data-question]").Where(f => !f.HasAttribute("hidden")))
        {
            var id = field.GetAttribute("data-question")!;
            var options = field.QuerySelectorAll("input[type=radio], input[type=checkbox]")
                .Select(i => i.GetAttribute("value")!).Where(v => v is not ("__nr" or "__dont-know")).ToList();
            if (options.Count > 0)
            {
                set["q." + id] = [options[Math.Min(1, options.Count - 1)]];
            }
            else if (field.QuerySelector("input.number") is not null)
            {
                set["q." + id] = ["12"];
            }
            else
            {
                set["q." + id] = ["Mehr Austausch"];
            }
        }

        return set;
    }

    [Fact]
    public async Task Starting_shows_the_coordinator_link_with_advice_and_stores_profile_consent_and_name()
    {
        var client = Client();
        var token = await StartAsync(client);

        var page = await client.PageAsync($"/k/{token}?neu=1");

        Assert.Equal("Initiative Nordwind", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Ihre Selbstevaluation ist angelegt", page.QuerySelector(".notice.success")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/k/{token}", ((IHtmlInputElement)page.QuerySelector("#koordinationslink")!).Value, StringComparison.Ordinal);
        Assert.Matches("/e/[A-Za-z0-9_-]{43}$", ((IHtmlInputElement)page.QuerySelector("#einladungslink")!).Value);
        Assert.Equal(1, Sql<int>("SELECT comparison_opt_in FROM assessments"));
        Assert.Equal("Anna", Sql<string>("SELECT label FROM respondents"));
        Assert.Equal("\"gruendung\"", Sql<string>("SELECT value_json FROM profile_answers WHERE question_id = 'phase'"));
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM assessments WHERE hex(coordinator_token_hash) LIKE '%' || @token || '%'", new { token }));
    }

    [Fact]
    public async Task The_start_form_keeps_input_and_names_missing_and_invalid_profile_answers()
    {
        var client = Client();
        var page = await client.PageAsync($"/start/{TestGuides.Wirkung}");
        var set = new Dictionary<string, string[]>(Profile) { ["q.test-startjahr"] = ["zwanzig-zwanzig"] };
        set.Remove("q.phase");

        var response = await client.SubmitAsync(page.Form("form.answer-form"), set);
        var again = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = again.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Bitte beantworten Sie diese Frage.", summary, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 2019.", again.QuerySelector("#frage-test-startjahr .error-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("zwanzig-zwanzig", ((IHtmlInputElement)again.QuerySelector("#test-startjahr--wert")!).Value);
        Assert.Equal("Initiative Nordwind", ((IHtmlInputElement)again.QuerySelector("#name--wert")!).Value);
        Assert.True(((IHtmlInputElement)again.QuerySelector("input[name='q.test-sitz'][value=nord]")!).IsChecked);
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM assessments"));
    }

    [Fact]
    public async Task Sending_the_start_form_twice_creates_one_assessment()
    {
        var client = Client();
        var page = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        var form = page.Form("form.answer-form");

        var first = (await client.SubmitAsync(form, Profile)).Location();
        var second = (await client.SubmitAsync(form, Profile)).Location();

        Assert.Equal(first, second);
        Assert.Equal(1, Sql<int>("SELECT COUNT(*) FROM assessments"));
    }

    [Fact]
    public async Task A_coordinator_answers_every_section_finishes_and_the_round_shows_it()
    {
        var client = Client();
        var token = await StartAsync(client);
        var guide = Guide();

        var next = (await client.GetAsync($"/a/{token}")).Location();
        Assert.Equal($"/a/{token}/{TestGuides.GoalsSection}", next); // the profile is complete already
        var visited = new HashSet<string>();
        var sections = 0;
        while (!next.Contains("/abschluss", StringComparison.Ordinal))
        {
            var page = await client.PageAsync(next);
            Assert.Contains("Speichern und weiter", page.QuerySelector("button[value=weiter]")!.TextContent, StringComparison.Ordinal);
            var response = await client.SubmitAsync(page.Form("#antworten"), AnswerAll(page), "go=weiter");
            visited.Add(next.Split('?')[0]);
            next = response.Location();
            sections++;
            Assert.True(sections < 40, "the walk does not end");
        }

        var review = await client.PageAsync(next);
        Assert.Contains("Alle Pflichtfragen sind beantwortet.", review.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var done = await client.SubmitAsync(review.Form("form[method=post]"));
        Assert.Equal($"/a/{token}/abschluss", done.Location());
        Assert.Equal("Vielen Dank!", (await client.PageAsync(next)).QuerySelector("h1")!.TextContent);

        var visibleGuideSections = guide.Sections.Count(s => !s.IsProfile && s.Condition is null);
        Assert.Equal(visibleGuideSections, visited.Count);
        var coordinator = await client.PageAsync($"/k/{token}");
        Assert.Contains("abgeschlossen am", coordinator.QuerySelector("table.respondents tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 Person hat begonnen, 1 hat abgeschlossen.", coordinator.QuerySelector("#team + p")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestGuides.Aufbau)]
    [InlineData(TestGuides.Wirkung)]
    public async Task Every_section_of_a_guide_has_its_own_page_no_fixed_address_shadows_it(string id)
    {
        // A section called like a fixed page ("abschluss", "ergebnis") would never be shown: its questions could not be answered.
        var client = Client();
        var running = new Dictionary<string, string[]>(Profile) { ["q.phase"] = ["aufbau"] };
        var token = await StartAsync(client, id, running);

        foreach (var section in Guide(id).Sections.Where(s => !s.IsProfile))
        {
            var page = await client.PageAsync($"/a/{token}/{section.Id}");
            Assert.EndsWith(section.Title, page.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_validation_failure_keeps_what_was_typed_and_saves_every_valid_answer()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.ProfileSection}");
        var set = new Dictionary<string, string[]>
        {
            ["q.test-mitglieder"] = ["viele"],
            ["q.name"] = ["Initiative Nordwind (neu)"],
            ["q.test-themen"] = ["vernetzung", "fachkraefte"],
        };

        var response = await client.SubmitAsync(page.Form("#antworten"), set, "go=weiter");
        var again = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Frage P.6: Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 2019.", again.QuerySelector(".error-summary li")!.TextContent.Trim());
        Assert.Equal("#frage-test-mitglieder", again.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("viele", ((IHtmlInputElement)again.QuerySelector("#test-mitglieder--wert")!).Value);
        Assert.Equal("true", again.QuerySelector("#test-mitglieder--wert")!.GetAttribute("aria-invalid"));
        Assert.Equal("\"Initiative Nordwind (neu)\"", Sql<string>("SELECT value_json FROM profile_answers WHERE question_id = 'name'"));
        Assert.Equal("[\"fachkraefte\",\"vernetzung\"]", Sql<string>("SELECT value_json FROM profile_answers WHERE question_id = 'test-themen'"));
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM profile_answers WHERE question_id = 'test-mitglieder'"));
    }

    [Fact]
    public async Task The_overview_lists_each_answer_in_words_and_its_counts_agree_with_the_sections()
    {
        var client = Client();
        var token = await StartAsync(client);
        var next = (await client.GetAsync($"/a/{token}")).Location();
        string? skipped = null;
        string? typed = null;
        while (!next.Contains("/abschluss", StringComparison.Ordinal))
        {
            var page = await client.PageAsync(next);
            var set = AnswerAll(page);
            var optional = page.QuerySelectorAll("[data-question]:not([hidden])").FirstOrDefault(f => f.QuerySelector(".optional") is not null);
            if (skipped is null && optional is not null)
            {
                skipped = optional.GetAttribute("data-question");
                set.Remove("q." + skipped);
            }

            typed ??= set.Where(kv => kv.Value is ["Mehr Austausch"]).Select(kv => kv.Key[2..]).FirstOrDefault();
            next = (await client.SubmitAsync(page.Form("#antworten"), set, "go=weiter")).Location();
        }

        var review = await client.PageAsync(next);

        Assert.NotNull(skipped);
        // The profile leaves some optional questions open too: the lead, the sections and the listed answers all say the same.
        var lead = System.Text.RegularExpressions.Regex.Match(review.QuerySelector("#stand")!.TextContent, "^Sie haben (\\d+) von (\\d+) Fragen beantwortet; offen sind nur (\\d+) freiwillige Fragen\\.$");
        Assert.True(lead.Success, review.QuerySelector("#stand")!.TextContent);
        int Number(int group) => int.Parse(lead.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Number(2) - Number(1), Number(3));
        var sections = review.QuerySelectorAll(".review-section").ToList();
        Assert.Equal(Number(2), sections.Sum(s => s.QuerySelectorAll("dd").Length));
        Assert.Equal(Number(3), sections.Sum(s => s.QuerySelectorAll(".unanswered dd").Length));
        Assert.All(sections, s => Assert.Equal(
            s.QuerySelector(".unanswered") is null ? "vollständig" : $"{s.QuerySelectorAll("div:not(.unanswered) > dd").Length} von {s.QuerySelectorAll("dd").Length} beantwortet, offen sind nur freiwillige Fragen",
            s.QuerySelector(".state")!.TextContent));
        var skippedTerm = review.QuerySelectorAll(".answer-review dt").Single(dt => dt.TextContent.Contains(Guide().FindQuestion(skipped!)!.Text, StringComparison.Ordinal));
        Assert.Equal("nicht beantwortet", skippedTerm.NextElementSibling!.TextContent);

        var name = review.QuerySelectorAll(".answer-review dt").First(dt => dt.TextContent.Contains(Guide().FindQuestion("name")!.Text, StringComparison.Ordinal));
        Assert.Equal("Initiative Nordwind", name.NextElementSibling!.TextContent);
        if (typed is not null)
        {
            var text = review.QuerySelectorAll(".answer-review dt").First(dt => dt.TextContent.Contains(Guide().FindQuestion(typed)!.Text, StringComparison.Ordinal));
            Assert.Equal("Mehr Austausch", text.NextElementSibling!.TextContent);
        }

        var choice = review.QuerySelectorAll(".answer-review dt").First(dt => dt.TextContent.Contains(Guide().FindQuestion("phase")!.Text, StringComparison.Ordinal));
        Assert.Equal(Guide().FindQuestion("phase")!.Options.Single(o => o.Value == "gruendung").Label, choice.NextElementSibling!.TextContent);
    }

    [Fact]
    public async Task The_progress_line_counts_steps_so_it_never_contradicts_the_section_number_and_question_numbers_are_the_guides()
    {
        var client = Client();
        var token = await StartAsync(client);
        var guide = Guide();
        var numbering = new Numbering(guide);
        var first = await client.PageAsync((await client.GetAsync($"/a/{token}")).Location());
        var steps = first.QuerySelectorAll(".section-nav li").Length;

        Assert.Equal("1", first.QuerySelector("h1 .num")!.TextContent);
        Assert.StartsWith($"Schritt 2 von {steps} · ", first.QuerySelector("#fortschritt-text")!.TextContent, StringComparison.Ordinal); // the profile was step 1
        Assert.Contains("ihre Nummern fehlen dann", first.QuerySelector("#so-antworten")!.TextContent, StringComparison.Ordinal);

        // Numbers stay the guide's for every person, shown or hidden, so a team means the same question by "8.3".
        foreach (var id in first.QuerySelectorAll(".section-nav button[value^='abschnitt:']").Select(b => b.GetAttribute("value")!["abschnitt:".Length..]))
        {
            var page = await client.PageAsync($"/a/{token}/{id}");
            var section = guide.Sections.Single(s => s.Id == id);
            Assert.Equal(numbering.Of(section), page.QuerySelector("h1 .num")!.TextContent);
            Assert.DoesNotContain("Abschnitt", page.QuerySelector("#fortschritt-text")!.TextContent, StringComparison.Ordinal);
            foreach (var field in page.QuerySelectorAll("[data-question]"))
            {
                Assert.Equal(numbering.Of(guide.FindQuestion(field.GetAttribute("data-question")!)!), field.QuerySelector(".num")!.TextContent);
            }
        }
    }

    [Fact]
    public async Task The_section_buttons_come_in_the_order_they_are_seen_and_enter_still_saves_and_continues()
    {
        var client = Client();
        var token = await StartAsync(client);
        var second = await client.PageAsync((await client.GetAsync($"/a/{token}")).Location()); // after the profile: "Zurück" leads there

        // The stylesheet reverses nothing (FocusStyleTests), so the order in the page is the order seen and tabbed.
        var buttons = second.QuerySelectorAll("#antworten button[type=submit]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Equal(["weiter", "zurueck"], buttons.Take(2));
        Assert.Equal("Speichern und weiter", second.QuerySelector("#antworten .actions button")!.TextContent);
    }

    [Theory]
    [InlineData("1.200", "1200", null)]
    [InlineData("1.200,5", "1200.5", null)]
    [InlineData("12 000", "12000", null)]
    [InlineData("1,200", null, "Frage P.6: „1,200“ lässt sich als Zahl zweifach lesen. Bitte schreiben Sie Tausender mit Punkt und Nachkommastellen mit Komma, zum Beispiel 1.200 oder 1,5.")]
    public async Task A_number_in_german_notation_is_stored_as_meant_or_refused_never_guessed(string typed, string? stored, string? error)
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.ProfileSection}");

        var response = await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q.test-mitglieder"] = [typed] }, "go=bleiben");

        if (error is null)
        {
            Assert.Equal(stored, Sql<string>("SELECT value_json FROM profile_answers WHERE question_id = 'test-mitglieder'"));
            var shown = await client.PageAsync($"/a/{token}/{TestGuides.ProfileSection}");
            Assert.Equal(typed.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal), ((IHtmlInputElement)shown.QuerySelector("#test-mitglieder--wert")!).Value);
        }
        else
        {
            var again = await response.ParseAsync();
            Assert.Equal(error, again.QuerySelector(".error-summary li")!.TextContent.Trim());
            Assert.Equal(typed, ((IHtmlInputElement)again.QuerySelector("#test-mitglieder--wert")!).Value);
            Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM profile_answers WHERE question_id = 'test-mitglieder'"));
        }
    }

    [Fact]
    public async Task Opening_the_link_again_continues_in_the_last_section()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        var partial = AnswerAll(page);
        partial.Remove(partial.Keys.Last());
        await client.SubmitAsync(page.Form("#antworten"), partial, "go=bleiben");

        var otherDevice = Client();
        Assert.Equal($"/a/{token}/{TestGuides.PartnerSection}", (await otherDevice.GetAsync($"/a/{token}")).Location());
    }

    [Fact]
    public async Task A_team_member_joins_by_invitation_gets_an_own_link_and_skips_the_profile()
    {
        var client = Client();
        var token = await StartAsync(client);
        var invite = ((IHtmlInputElement)(await client.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value;
        var member = Client();

        var join = await member.PageAsync(new Uri(invite).AbsolutePath);
        Assert.Contains("Initiative Nordwind", join.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var joined = await member.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = ["Ben (IHK)"] });
        var personal = joined.Location();
        Assert.Matches("^/a/[A-Za-z0-9_-]{43}\\?notice=NewLink$", personal);
        var again = await member.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = ["Ben (IHK)"] });
        Assert.Equal(personal, again.Location());
        Assert.Equal(2, Sql<int>("SELECT COUNT(*) FROM respondents"));

        var first = (await member.GetAsync(personal)).Location();
        Assert.StartsWith($"{personal[..46]}/{TestGuides.GoalsSection}", first, StringComparison.Ordinal);
        var page = await member.PageAsync(first);
        Assert.Contains("Ihr persönlicher Link", page.QuerySelector(".link-box h2")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll(".section-nav li"), li => li.TextContent.Contains("Profil", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"{personal[..46]}/{TestGuides.ProfileSection}")).StatusCode);

        var coordinator = await client.PageAsync($"/k/{token}");
        Assert.Contains("Ben (IHK)", coordinator.QuerySelector("table.respondents")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 Person hat begonnen, 0 haben abgeschlossen. 1 Person hat den Einladungslink geöffnet, aber noch nichts beantwortet.", coordinator.QuerySelector("#team + p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_first_question_a_person_reads_how_to_answer_and_who_sees_their_answers()
    {
        var client = Client();
        var token = await StartAsync(client);
        var invite = ((IHtmlInputElement)(await client.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value;
        var member = Client();
        var join = await member.PageAsync(new Uri(invite).AbsolutePath);
        var pseudonym = join.QuerySelectorAll("input[name=Sharing]").Single(i => join.QuerySelector($"label[for={i.Id}]")!.TextContent.StartsWith(SharingTexts.PseudonymLabel, StringComparison.Ordinal));
        var personal = (await member.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = ["Ben"], ["Sharing"] = [pseudonym.GetAttribute("value")!] })).Location();

        var first = await member.PageAsync((await member.GetAsync(personal)).Location());

        var howTo = first.QuerySelector("details#so-antworten")!;
        Assert.True(howTo.HasAttribute("open"));
        Assert.True(howTo.CompareDocumentPosition(first.QuerySelector("[data-question]")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        var text = howTo.TextContent;
        Assert.Contains("Jede Frage hat ihre eigenen Antwortstufen, von der schwächsten zuerst bis zur stärksten zuletzt.", text, StringComparison.Ordinal);
        Assert.Contains("„nicht relevant für unsere Ziele“", text, StringComparison.Ordinal);
        Assert.Contains("„weiß nicht“", text, StringComparison.Ordinal);
        Assert.Contains("an ihren eigenen Zielen", text, StringComparison.Ordinal);
        Assert.Contains($"Wer Ihre Antworten sieht: {SharingTexts.PseudonymHint} Die anderen im Team sehen Ihre einzelnen Antworten nie.", Normalised(text), StringComparison.Ordinal);

        var coordinatorFirst = await client.PageAsync((await client.GetAsync($"/a/{token}")).Location());
        Assert.True(coordinatorFirst.QuerySelector("details#so-antworten")!.HasAttribute("open"));
        Assert.Contains("Ihre eigenen Antworten stehen einzeln in den Dateien, die Sie als Koordination herunterladen.", coordinatorFirst.QuerySelector("details#so-antworten")!.TextContent, StringComparison.Ordinal);

        var url = (await member.GetAsync(personal)).Location();
        await member.SubmitAsync(first.Form("#antworten"), AnswerAll(first), "go=weiter");
        var later = await member.PageAsync(url);
        Assert.False(later.QuerySelector("details#so-antworten")!.HasAttribute("open"));
    }

    private static string Normalised(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " ");

    [Fact]
    public async Task Replacing_the_invitation_link_stops_the_old_one()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/k/{token}");
        var old = new Uri(((IHtmlInputElement)page.QuerySelector("#einladungslink")!).Value).AbsolutePath;

        await client.SubmitAsync(page.Form("form[action*=ReplaceInvite]"));

        var fresh = new Uri(((IHtmlInputElement)(await client.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task Conditions_hide_questions_that_then_are_neither_required_nor_asked()
    {
        var client = Client();
        var established = new Dictionary<string, string[]>(Profile) { ["q.phase"] = ["etabliert"] };
        var token = await StartAsync(client, profile: established);

        var page = await client.PageAsync($"/a/{token}/test-finanzierung");

        Assert.True(page.QuerySelector("#frage-test-finanzierung-quelle")!.HasAttribute("hidden")); // a required question, asked only while founding and building up
        Assert.Equal("[[{\"q\":\"phase\",\"op\":\"in\",\"v\":[\"gruendung\",\"aufbau\"]}]]", page.QuerySelector("#frage-test-finanzierung-quelle")!.GetAttribute("data-when"));
        // What the page's script decides that with: the answers it knows, the profile's among them.
        var known = JsonSerializer.Deserialize<Dictionary<string, string[]>>(page.QuerySelector("script#bekannte-antworten")!.TextContent)!;
        Assert.Equal(["etabliert"], known["phase"]);
        var review = await client.PageAsync($"/a/{token}/abschluss");
        Assert.Contains("test-finanzierung-gesichert", review.QuerySelector(".open-questions")!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("test-finanzierung-quelle", review.QuerySelector(".open-questions")!.InnerHtml, StringComparison.Ordinal);
        Assert.False(page.QuerySelector("#frage-test-finanzierung-gesichert")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task A_question_that_appears_through_an_answer_keeps_the_person_on_the_page_without_javascript()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        Assert.True(page.QuerySelector("#frage-test-partner-anzahl")!.HasAttribute("hidden"));

        var response = await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q.test-partner-vereinbarung"] = ["ja"] }, "go=weiter");

        Assert.Equal($"/a/{token}/{TestGuides.PartnerSection}?notice=MoreQuestions", response.Location());
        var again = await client.PageAsync(response.Location());
        Assert.False(again.QuerySelector("#frage-test-partner-anzahl")!.HasAttribute("hidden"));
        Assert.Contains("weitere Fragen", again.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_relevant_is_saved_with_its_reason_and_shown_again()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        var question = page.QuerySelectorAll("[data-question]").First(f => f.QuerySelector("[data-not-relevant]") is not null);
        var id = question.GetAttribute("data-question")!;

        await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q." + id] = ["__nr"], ["j." + id] = ["In unserer Region gibt es keine Betriebsräte."] }, "go=bleiben");

        Assert.Equal(1, Sql<int>("SELECT not_relevant FROM answers WHERE question_id = @id", new { id }));
        Assert.Equal("In unserer Region gibt es keine Betriebsräte.", Sql<string>("SELECT justification FROM answers WHERE question_id = @id", new { id }));
        var again = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        Assert.True(((IHtmlInputElement)again.QuerySelector($"#{id}--nr")!).IsChecked);
        Assert.Equal("In unserer Region gibt es keine Betriebsräte.", ((IHtmlInputElement)again.QuerySelector($"#{id}--begruendung")!).Value);
    }

    public static TheoryData<string, string, string> Tampered => new()
    {
        { "q.test-ziele-schriftlich", "7", "Diese Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie eine der angebotenen Antworten." },
        { "q.test-ziele-schriftlich", "ja", "Diese Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie eine der angebotenen Antworten." },
        { "q.test-ziele-schriftlich", "__nr", "Diese Frage lässt „nicht relevant“ nicht zu. Bitte wählen Sie eine Antwort." },
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task A_tampered_value_is_refused_next_to_its_field_and_the_rest_is_saved(string field, string value, string message)
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.GoalsSection}");
        var set = AnswerAll(page);
        set[field] = [value];

        var response = await client.SubmitAsync(page.Form("#antworten"), set, "go=weiter");
        var again = await response.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, again.QuerySelector($"#frage-{field[2..]} .error-text")!.TextContent.Replace("Fehler: ", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Equal(set.Count - 1, Sql<int>("SELECT COUNT(*) FROM answers"));
    }

    [Fact]
    public async Task Unknown_question_ids_are_reported_and_not_stored()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        var set = AnswerAll(page);
        set["q.erfunden"] = ["4"];
        set["q.test-ziele-einig"] = ["3"]; // a real question, but of another section

        var again = await (await client.SubmitAsync(page.Form("#antworten"), set, "go=weiter")).ParseAsync();

        Assert.Contains("Fragen, die es in diesem Abschnitt nicht gibt", again.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM answers WHERE question_id IN ('erfunden', 'test-ziele-einig')"));
        Assert.Equal(set.Count - 2, Sql<int>("SELECT COUNT(*) FROM answers"));
    }

    [Fact]
    public async Task Text_over_the_limit_is_refused_with_the_numbers_and_kept_in_the_field()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/test-anmerkungen"); // free texts only: its first box is an answer, not an evidence note
        var id = page.QuerySelector("textarea")!.GetAttribute("name")!;
        var text = new string('x', 4001);

        var again = await (await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { [id] = [text] }, "go=weiter")).ParseAsync();

        Assert.Contains("Der Text ist zu lang: höchstens 4.000 Zeichen, Sie haben 4.001. Bitte kürzen Sie ihn.", again.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, again.QuerySelector("textarea")!.TextContent);
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM answers"));
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_and_changes_nothing()
    {
        var client = Client();
        var token = await StartAsync(client);

        var response = await Client().PostAsync($"/a/{token}/{TestGuides.PartnerSection}", new FormUrlEncodedContent([new("q.test-partner-unternehmen", "3"), new("go", "weiter")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM answers"));
    }

    [Fact]
    public async Task The_background_save_answers_with_json_and_stores_the_answer()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        var form = page.Form("#antworten");

        var response = await client.SubmitAsync(form, new Dictionary<string, string[]> { ["q.test-partner-unternehmen"] = ["2"] }, action: form.GetAttribute("data-autosave"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("saved").GetBoolean());
        Assert.Equal("\"2\"", Sql<string>("SELECT value_json FROM answers WHERE question_id = 'test-partner-unternehmen'"));
    }

    [Fact]
    public async Task The_background_save_answers_404_for_an_unknown_section_and_for_a_team_member_on_the_profile_and_saves_nothing()
    {
        var client = Client();
        var token = await StartAsync(client);
        var invite = ((IHtmlInputElement)(await client.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value;
        var member = Client();
        var join = await member.PageAsync(new Uri(invite).AbsolutePath);
        var personal = (await member.SubmitAsync(join.Form("form.answer-form"))).Location()[..46];
        var form = (await member.PageAsync($"{personal}/{TestGuides.GoalsSection}")).Form("#antworten");
        var profileBefore = Sql<string>("SELECT group_concat(question_id || '=' || value_json) FROM profile_answers");

        var unknown = await member.SubmitAsync(form, new Dictionary<string, string[]> { ["q.test-partner-unternehmen"] = ["2"] }, action: $"{personal}/gibt-es-nicht?handler=Autosave");
        var profile = await member.SubmitAsync(form, new Dictionary<string, string[]> { ["q.name"] = ["Übernommen"] }, action: $"{personal}/{TestGuides.ProfileSection}?handler=Autosave");
        var known = await member.SubmitAsync(form, new Dictionary<string, string[]> { ["q.test-partner-unternehmen"] = ["2"] }, action: $"{personal}/{TestGuides.PartnerSection}?handler=Autosave");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        Assert.Equal(profileBefore, Sql<string>("SELECT group_concat(question_id || '=' || value_json) FROM profile_answers"));
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal("\"2\"", Sql<string>("SELECT value_json FROM answers WHERE question_id = 'test-partner-unternehmen'"));
        Assert.Equal(1, Sql<int>("SELECT COUNT(*) FROM answers"));
    }

    [Fact]
    public async Task The_background_save_of_a_finished_person_or_a_closed_round_says_so_and_changes_nothing()
    {
        var client = Client();
        var token = await StartAsync(client);
        var form = (await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}")).Form("#antworten");
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(form, new Dictionary<string, string[]> { ["q.test-partner-unternehmen"] = ["2"] }, action: form.GetAttribute("data-autosave"))).StatusCode);
        using (var connection = _factory.Database.Open())
        {
            connection.Execute("UPDATE respondents SET finished_at = '2026-03-01T10:00:00.0000000+00:00'");
        }

        var finished = await client.SubmitAsync(form, new Dictionary<string, string[]> { ["q.test-partner-unternehmen"] = ["4"] }, action: form.GetAttribute("data-autosave"));
        await client.CloseRoundAsync(token);
        var closed = await client.SubmitAsync(form, new Dictionary<string, string[]> { ["q.test-partner-unternehmen"] = ["4"] }, action: form.GetAttribute("data-autosave"));

        foreach (var (response, says) in new[] { (finished, "bereits abgeschlossen"), (closed, "Durchgang ist abgeschlossen") })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.False(json.RootElement.GetProperty("saved").GetBoolean());
            Assert.Contains(says, json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("\"2\"", Sql<string>("SELECT value_json FROM answers WHERE question_id = 'test-partner-unternehmen'"));
    }

    [Fact]
    public async Task One_person_in_two_tabs_the_last_save_wins_without_an_error()
    {
        var client = Client();
        var token = await StartAsync(client);
        var tabA = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        var tabB = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");

        var a = await client.SubmitAsync(tabA.Form("#antworten"), new Dictionary<string, string[]> { ["q.test-partner-unternehmen"] = ["1"] }, "go=weiter");
        var b = await client.SubmitAsync(tabB.Form("#antworten"), new Dictionary<string, string[]> { ["q.test-partner-unternehmen"] = ["3"] }, "go=weiter");

        Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        Assert.Equal("\"3\"", Sql<string>("SELECT value_json FROM answers WHERE question_id = 'test-partner-unternehmen'"));
    }

    [Fact]
    public async Task Team_members_saving_at_the_same_moment_all_keep_their_answers()
    {
        var client = Client();
        var token = await StartAsync(client);
        var invite = new Uri(((IHtmlInputElement)(await client.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;
        var members = new List<(HttpClient Client, string Link)>();
        for (var i = 0; i < 6; i++)
        {
            var c = Client();
            var join = await c.PageAsync(invite);
            members.Add((c, (await c.SubmitAsync(join.Form("form.answer-form"))).Location()[..46]));
        }

        var pages = new List<(HttpClient Client, IHtmlDocument Page, Dictionary<string, string[]> Set)>();
        foreach (var (c, link) in members)
        {
            foreach (var section in new[] { TestGuides.GoalsSection, TestGuides.PartnerSection, "test-finanzierung" })
            {
                var page = await c.PageAsync($"{link}/{section}");
                pages.Add((c, page, AnswerAll(page)));
            }
        }

        var responses = await Task.WhenAll(pages.Select(p => p.Client.SubmitAsync(p.Page.Form("#antworten"), p.Set, "go=weiter")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(pages.Sum(p => p.Set.Count), Sql<int>("SELECT COUNT(*) FROM answers"));
    }

    [Fact]
    public async Task Finishing_without_required_answers_is_refused_and_lists_them_with_links()
    {
        var client = Client();
        var token = await StartAsync(client);
        var review = await client.PageAsync($"/a/{token}/abschluss");

        Assert.Null(review.QuerySelector("form[method=post] button"));
        var links = review.QuerySelectorAll(".open-questions a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/a/{token}/{TestGuides.PartnerSection}#frage-test-partner-unternehmen", links);

        var forced = await client.PostAsync($"/a/{token}/abschluss", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", ((IHtmlInputElement)(await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}")).QuerySelector("input[name=__RequestVerificationToken]")!).Value)]));
        Assert.Contains("Bitte beantworten Sie zuerst", (await forced.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM respondents WHERE finished_at IS NOT NULL"));
    }

    /// <summary>A client of the service without the minimum interval between rounds, to start a second round at once.</summary>
    private HttpClient ClientWithoutRoundInterval() =>
        _factory.WithWebHostBuilder(b => b.UseSetting("SelfEval:MinimumDaysBetweenRounds", "0"))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Closing_the_round_makes_answers_read_only_and_a_new_round_carries_the_profile()
    {
        var client = ClientWithoutRoundInterval();
        var token = await StartAsync(client);
        var partner = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        await client.SubmitAsync(partner.Form("#antworten"), AnswerAll(partner), "go=weiter");
        var coordinator = await client.PageAsync($"/k/{token}/abschliessen");

        Assert.Equal($"/k/{token}?notice=Closed", (await client.SubmitAsync(coordinator.Form("form[action*=Close]"))).Location());
        var late = await client.SubmitAsync(partner.Form("#antworten"), new Dictionary<string, string[]> { ["q.test-partner-unternehmen"] = ["0"] }, "go=weiter");
        Assert.Contains("Dieser Durchgang ist abgeschlossen", (await late.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("\"0\"", Sql<string>("SELECT value_json FROM answers WHERE question_id = 'test-partner-unternehmen'"));

        var closed = await client.PageAsync($"/k/{token}");
        Assert.Equal($"/k/{token}?notice=NewRound", (await client.SubmitAsync(closed.Form("form[action*=NewRound]"))).Location());
        var second = await client.PageAsync($"/k/{token}");
        Assert.StartsWith("Durchgang 2", second.QuerySelector("#runde-titel")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Initiative Nordwind", second.QuerySelector("h1")!.TextContent);
        Assert.Equal(2, Sql<int>("SELECT COUNT(*) FROM rounds"));
        Assert.Equal(Sql<int>("SELECT COUNT(*) FROM profile_answers WHERE round_id = 1"), Sql<int>("SELECT COUNT(*) FROM profile_answers WHERE round_id = 2"));
        Assert.Equal($"/a/{token}/{TestGuides.GoalsSection}", (await client.GetAsync($"/a/{token}")).Location());
    }

    [Fact]
    public async Task A_new_round_names_the_profile_answers_it_could_not_carry_over()
    {
        var client = ClientWithoutRoundInterval();
        var token = await StartAsync(client);
        using (var connection = _factory.Database.Open())
        {
            // An option value an older version of profil.md offered and the current one no longer does.
            connection.Execute("UPDATE profile_answers SET value_json = '\"sitz-alt\"' WHERE question_id = 'test-sitz'");
        }

        await client.CloseRoundAsync(token);
        await client.SubmitAsync((await client.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));
        var page = await client.PageAsync($"/k/{token}?hinweis=neue-runde");

        var notice = page.QuerySelector(".notice")!.TextContent;
        Assert.Contains("bis auf die Angaben unten", notice, StringComparison.Ordinal);
        var item = Assert.Single(page.QuerySelectorAll(".not-carried li"));
        Assert.Contains("Wo sitzt die Testinitiative?", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("„sitz-alt“", item.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM profile_answers WHERE round_id = 2 AND question_id = 'test-sitz'"));
        Assert.Equal(Sql<int>("SELECT COUNT(*) FROM profile_answers WHERE round_id = 1") - 1, Sql<int>("SELECT COUNT(*) FROM profile_answers WHERE round_id = 2"));
    }

    [Fact]
    public async Task The_coordinator_reopens_a_finished_respondent()
    {
        var client = Client();
        var token = await StartAsync(client);
        using (var connection = _factory.Database.Open())
        {
            connection.Execute("UPDATE respondents SET finished_at = '2026-03-01T10:00:00.0000000+00:00'");
        }

        var page = await client.PageAsync($"/k/{token}");
        await client.SubmitAsync(page.Form("form[action*=Reopen]"));

        Assert.Equal(0, Sql<int>("SELECT COUNT(*) FROM respondents WHERE finished_at IS NOT NULL"));
    }

    [Fact]
    public async Task The_json_export_follows_the_documented_exchange_format()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        var set = AnswerAll(page);
        var nr = page.QuerySelectorAll("[data-question]").First(f => f.QuerySelector("[data-not-relevant]") is not null).GetAttribute("data-question")!;
        set["q." + nr] = ["__nr"];
        await client.SubmitAsync(page.Form("#antworten"), set, "go=weiter");

        var response = await client.GetAsync($"/k/{token}/export?runde=1&format=json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(["formatVersion", "questionnaire", "initiative", "round", "respondents", "team", "conversation"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SelfEval.Scoring.Exchange.ExchangeReader.FormatVersion, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("""{"agreed":{},"actions":[]}""", root.GetProperty("conversation").GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
        Assert.Equal(TestGuides.Aufbau, root.GetProperty("questionnaire").GetProperty("id").GetString());
        Assert.Equal(Guide().Hash, root.GetProperty("questionnaire").GetProperty("hash").GetString());
        Assert.Equal("Initiative Nordwind", root.GetProperty("initiative").GetProperty("name").GetString());
        Assert.Equal(2024, root.GetProperty("initiative").GetProperty("test-startjahr").GetInt32());
        Assert.Equal(1, root.GetProperty("round").GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("round").GetProperty("closedAt").ValueKind);
        var person = Assert.Single(root.GetProperty("respondents").EnumerateArray());
        Assert.Equal("Anna", person.GetProperty("label").GetString());
        Assert.Equal("coordinator", person.GetProperty("sharing").GetString());
        var answers = person.GetProperty("answers");
        Assert.Equal("n/a", answers.GetProperty(nr).GetString());
        Assert.Equal(set.Count, answers.EnumerateObject().Count());
        Assert.All(answers.EnumerateObject().Where(a => a.Name != nr), a => Assert.Equal(set["q." + a.Name][0], a.Value.GetString()));
        Assert.False(answers.TryGetProperty("test-ziele-einig", out _)); // of another section
        var team = root.GetProperty("team");
        Assert.Equal(1, team.GetProperty("respondents").GetInt32());
        var agreement = team.GetProperty("answers").GetProperty("test-partner-vereinbarung");
        Assert.Equal(1, agreement.GetProperty("counts").GetProperty(set["q.test-partner-vereinbarung"][0]).GetInt32());
        Assert.Equal(1, team.GetProperty("answers").GetProperty(nr).GetProperty("notRelevant").GetInt32());
        Assert.Equal(1, team.GetProperty("answers").GetProperty("test-ziele-einig").GetProperty("unanswered").GetInt32());
    }

    [Fact]
    public async Task The_csv_export_has_a_row_per_sharing_person_then_the_team_and_a_column_per_question()
    {
        var client = Client();
        var token = await StartAsync(client);

        var csv = await client.GetStringAsync($"/k/{token}/export?runde=1&format=csv");

        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length); // the coordinator, then the team's figures
        Assert.StartsWith("1,Team (zusammengefasst),,Initiative Nordwind,gruendung,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("round,respondent,finished_at,name,phase,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3 + Guide().Questions.Count() + Guide().Questions.Count(SelfEval.Web.Answering.Evidence.Offered), lines[0].Split(',').Length); // then one evidence column per scored question
        Assert.StartsWith("1,Anna,,Initiative Nordwind,gruendung,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_then_removes_everything_and_the_links_stop_working()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/k/{token}/loeschen");

        var unconfirmed = await client.SubmitAsync(page.Form("form[method=post]"));
        Assert.Contains("Bitte bestätigen Sie", (await unconfirmed.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Sql<int>("SELECT COUNT(*) FROM assessments"));

        var deleted = await client.SubmitAsync(page.Form("form[method=post]"), new Dictionary<string, string[]> { ["Confirm"] = ["true"] });
        Assert.Equal("/geloescht", deleted.Location());
        foreach (var table in new[] { "assessments", "rounds", "respondents", "profile_answers", "answers" })
        {
            Assert.Equal(0, Sql<int>($"SELECT COUNT(*) FROM {table}"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/k/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/a/{token}")).StatusCode);
    }

    [Theory]
    [InlineData("/k/{0}")]
    [InlineData("/a/{0}")]
    [InlineData("/a/{0}/" + TestGuides.PartnerSection)]
    [InlineData("/e/{0}")]
    [InlineData("/k/{0}/export?format=json")]
    public async Task Unknown_malformed_and_deleted_links_all_get_the_same_german_404(string pattern)
    {
        var client = Client();
        var token = await StartAsync(client);
        var deleteForm = (await client.PageAsync($"/k/{token}/loeschen")).Form("form[method=post]");
        await client.SubmitAsync(deleteForm, new Dictionary<string, string[]> { ["Confirm"] = ["true"] });

        var bodies = new List<string>();
        foreach (var candidate in new[] { token, "abc", new string('A', 43), "%2e%2e%2fetc" })
        {
            var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, candidate));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            bodies.Add((await response.ParseAsync()).QuerySelector("main")!.TextContent);
        }

        Assert.Single(bodies.Distinct());
        Assert.Contains("Diese Seite gibt es nicht", bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_downloads_the_profile_as_pdf_and_sees_it_as_a_page()
    {
        var client = Client();
        var token = await StartAsync(client);
        foreach (var section in new[] { TestGuides.GoalsSection, TestGuides.PartnerSection, "test-finanzierung" })
        {
            var page = await client.PageAsync($"/a/{token}/{section}");
            await client.SubmitAsync(page.Form("#antworten"), AnswerAll(page), "go=weiter");
        }

        var html = await client.PageAsync($"/k/{token}/ergebnis?runde=1");
        var pdf = await client.GetAsync($"/k/{token}/ergebnis?runde=1&handler=Pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();

        Assert.Equal("Initiative Nordwind", html.QuerySelector(".profile h1")!.TextContent);
        Assert.NotNull(html.QuerySelector("#abschnitte table.bars.chart")); // sorted bars on a 0–100 axis, no radar
        Assert.Contains("Der Durchgang läuft noch", html.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var text = PdfText.Flat(PdfText.Read(bytes));
        Assert.Contains("Initiative Nordwind", text, StringComparison.Ordinal);
        Assert.Contains("Finanzierung", text, StringComparison.Ordinal); // a section's title
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/k/{token}/ergebnis?runde=7")).StatusCode);
    }

    [Fact]
    public async Task A_second_round_shows_the_trend_against_the_first()
    {
        var client = ClientWithoutRoundInterval();
        var token = await StartAsync(client);
        var first = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        await client.SubmitAsync(first.Form("#antworten"), first.QuerySelectorAll("[data-question]").Where(f => f.QuerySelector("input[value='3']") is not null).ToDictionary(f => "q." + f.GetAttribute("data-question"), _ => new[] { "1" }), "go=weiter");
        await client.CloseRoundAsync(token);
        await client.SubmitAsync((await client.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));
        var second = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        await client.SubmitAsync(second.Form("#antworten"), second.QuerySelectorAll("[data-question]").Where(f => f.QuerySelector("input[value='3']") is not null).ToDictionary(f => "q." + f.GetAttribute("data-question"), _ => new[] { "3" }), "go=weiter");

        var page = await client.PageAsync($"/k/{token}/ergebnis?runde=2");

        Assert.Equal("Entwicklung seit Durchgang 1", page.QuerySelectorAll(".profile h2").Single(h => h.TextContent.StartsWith("Entwicklung seit", StringComparison.Ordinal)).TextContent);
        var row = page.QuerySelectorAll("table.trend tbody tr").Single(r => r.TextContent.Contains("Partner", StringComparison.Ordinal));
        Assert.Equal(["25", "75", "+50"], row.QuerySelectorAll("td").Select(td => td.TextContent)); // the scale of levels 0 to 4, at 1 and then 3
        foreach (var line in page.QuerySelectorAll("table.trend tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()))
        {
            // The change adds up as displayed: now minus before, both as printed.
            if (int.TryParse(line[0], out var before) && int.TryParse(line[1], out var now))
            {
                Assert.Equal(SelfEval.Scoring.Profile.Format.Signed(now - before), line[2]);
            }
        }

        Assert.Contains(page.QuerySelectorAll("nav.contents a"), a => a.GetAttribute("href") == "#entwicklung");
    }

    [Fact]
    public async Task A_team_member_sees_a_profile_of_only_their_own_answers()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");
        await client.SubmitAsync(page.Form("#antworten"), AnswerAll(page), "go=weiter");

        var own = await client.PageAsync($"/a/{token}/ergebnis");
        var pdf = await client.GetAsync($"/a/{token}/ergebnis?handler=Pdf");

        Assert.Contains("nur Ihre eigenen Antworten", own.QuerySelector(".profile .meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nur Ihre eigenen Antworten", PdfText.Flat(PdfText.Read(await pdf.Content.ReadAsByteArrayAsync())), StringComparison.Ordinal);
        Assert.Matches(@"^Ergebnisprofil-Testaufbau-Initiative-Nordwind-\d{4}-\d{2}-\d{2}\.pdf$", pdf.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }
}
