using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Assessments;
using SelfEval.Web.Reports;
using SelfEval.Web.Tests.Stores;

namespace SelfEval.Web.Tests;

/// <summary>
/// The team conversation (Teamgespräch) after a round of three, through the real pages and forms: the agenda with
/// the largest disagreement first, the agreed answer, note and action per topic, the summary, and the next round
/// that recalls what was agreed and asks what became of the actions (issue 16). The clock stands still.
/// </summary>
public sealed class ConversationTests : IDisposable
{
    private readonly FakeClock _clock = new() { Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) };
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(("SelfEval:MinimumDaysBetweenRounds", "0"));
    private readonly WebApplicationFactory<Program> _app;

    public ConversationTests()
    {
        _app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Client() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private sealed record Team(HttpClient Coordinator, string Token, string Ben, string Carla);

    /// <summary>Anna (coordinator) answers every question at the lowest level, Ben at the highest, Carla in the middle; the round is closed.</summary>
    private async Task<Team> TeamOfThreeAsync(bool close = true)
    {
        var coordinator = Client();
        var token = await Attacks.Initiatives.CreateAsync(coordinator, "Initiative Gespräch", level: 0, coordinatorName: "Anna", close: false);
        var invite = new Uri(((IHtmlInputElement)(await coordinator.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;
        var ben = await JoinAndAnswerAsync(invite, "Ben", 1);
        var carla = await JoinAndAnswerAsync(invite, "Carla", 0.5);
        if (close)
        {
            await coordinator.CloseRoundAsync(token);
        }

        return new Team(coordinator, token, ben, carla);
    }

    private async Task<string> JoinAndAnswerAsync(string invite, string name, double level, string? evidence = null)
    {
        var client = Client();
        var join = await client.PageAsync(invite);
        var link = (await client.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = [name] })).Location()[..46];
        var next = (await client.GetAsync(link)).Location();
        while (!next.Contains("abschluss", StringComparison.Ordinal))
        {
            var page = await client.PageAsync(next);
            var set = page.QuerySelectorAll("[data-question]:not([hidden])").ToDictionary(
                f => "q." + f.GetAttribute("data-question"),
                f =>
                {
                    var options = f.QuerySelectorAll("input[type=radio], input[type=checkbox]").Select(i => i.GetAttribute("value")!).Where(v => !v.StartsWith("__", StringComparison.Ordinal)).ToList();
                    return f.QuerySelector($"textarea[name='q.{f.GetAttribute("data-question")}']") is not null ? ["Notiz"] : options.Count == 0 ? [] : new[] { options[(int)Math.Min(options.Count - 1, Math.Floor(level * options.Count))] };
                });
            foreach (var box in evidence is null ? Enumerable.Empty<AngleSharp.Dom.IElement>() : page.QuerySelectorAll("[data-question]:not([hidden]) textarea[name^='e.']"))
            {
                set[box.GetAttribute("name")!] = [evidence!];
            }

            next = (await client.SubmitAsync(page.Form("#antworten"), set, "go=weiter")).Location();
        }

        return link;
    }

    private static IReadOnlyList<string> TopicIds(IHtmlDocument agenda) =>
        agenda.QuerySelectorAll("ol.topics a").Select(a => a.GetAttribute("href")!.Split('/')[5]).ToList();

    private (AssessmentRecord Assessment, RoundRecord Round) Current(string token)
    {
        var assessments = Service<AssessmentStore>();
        var assessment = assessments.FindByCoordinatorToken(token)!;
        return (assessment, assessments.CurrentRound(assessment.Id));
    }

    private Questionnaire Guide => Service<SelfEval.Web.Questionnaires.QuestionnaireCatalog>().Find(TestGuides.Aufbau)!;

    [Fact]
    public async Task The_coordinator_page_leads_to_an_agenda_of_the_profiles_discussion_items_largest_disagreement_first()
    {
        var team = await TeamOfThreeAsync();
        var coordinatorPage = await team.Coordinator.PageAsync($"/k/{team.Token}");
        var href = coordinatorPage.QuerySelector("#teamgespraech")!.GetAttribute("href")!;

        var agenda = await team.Coordinator.PageAsync(href);

        Assert.Equal($"/k/{team.Token}/teamgespraech", href);
        var (assessment, round) = Current(team.Token);
        var discuss = Service<ProfileService>().ForRound(assessment, round).Team!.Discuss;
        Assert.True(discuss.Count > 3);
        var numbers = new Numbering(Guide);
        Assert.Equal(discuss.Select(d => d.Item.Number), TopicIds(agenda).Select(id => numbers.Of(Guide.FindQuestion(id)!)));
        Assert.Equal(discuss.Select(d => d.Steps).OrderByDescending(s => s), discuss.Select(d => d.Steps));
    }

    [Fact]
    public async Task A_topic_shows_how_often_each_answer_was_chosen_without_any_name()
    {
        var team = await TeamOfThreeAsync();
        var first = TopicIds(await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech"))[0];
        var question = Guide.FindQuestion(first)!;

        var page = await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech/frage/{first}");

        var rows = page.QuerySelectorAll("table.distribution tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => int.Parse(r.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, rows.Values.Sum());
        Assert.Equal(1, rows[$"{question.Options[0].Value} – {question.Options[0].Label}"]);
        Assert.Equal(1, rows[$"{question.Options[^1].Value} – {question.Options[^1].Label}"]);
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("Anna", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Carla", text, StringComparison.Ordinal);
        // The levels look as when answering: the answering partial's radio buttons, "weiß nicht" and "nicht relevant" included.
        Assert.Equal(question.Options.Count + (question.AllowsDontKnow ? 1 : 0) + (question.AllowsNotRelevant ? 1 : 0), page.QuerySelectorAll($"form.agreement input[name='q.{first}']").Length);
    }

    [Fact]
    public async Task A_topic_lists_what_people_base_their_answers_on_without_names()
    {
        var coordinator = Client();
        var token = await Attacks.Initiatives.CreateAsync(coordinator, "Initiative Belege", level: 0, coordinatorName: "Anna", close: false);
        var invite = new Uri(((IHtmlInputElement)(await coordinator.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;
        await JoinAndAnswerAsync(invite, "Ben", 1, evidence: "Protokoll der Lenkungsrunde");
        await JoinAndAnswerAsync(invite, "Carla", 0.5, evidence: "Beschluss vom März");
        await coordinator.CloseRoundAsync(token);
        var first = TopicIds(await coordinator.PageAsync($"/k/{token}/teamgespraech"))[0];

        var page = await coordinator.PageAsync($"/k/{token}/teamgespraech/frage/{first}");

        var notes = page.QuerySelectorAll(".evidence-notes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Beschluss vom März", "Protokoll der Lenkungsrunde"], notes);
        Assert.DoesNotContain("Ben", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Carla", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_an_agreement_with_a_note_and_an_action_goes_to_the_next_topic_and_the_summary_lists_them()
    {
        var team = await TeamOfThreeAsync();
        var topics = TopicIds(await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech"));
        var question = Guide.FindQuestion(topics[0])!;
        var page = await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech/frage/{topics[0]}");

        var saved = await team.Coordinator.SubmitAsync(page.Form("form.agreement"), new Dictionary<string, string[]>
        {
            [$"q.{question.Id}"] = [question.Options[1].Value], ["Note"] = ["Die Satzung ist fast fertig."],
            ["What"] = ["Satzung beschließen"], ["Who"] = ["Vorstand"], ["Due"] = ["30.06.2026"],
        }, "go=weiter");

        Assert.Equal($"/k/{team.Token}/teamgespraech/frage/{topics[1]}", saved.Location());
        var conversation = Service<ConversationStore>().Read(Current(team.Token).Round.Id);
        Assert.Equal([new AgreedAnswer(question.Id, new Answer.Choice(question.Options[1].Value), "Die Satzung ist fast fertig.")], conversation.Agreed);
        var action = Assert.Single(conversation.Actions);
        Assert.Equal(("Satzung beschließen", "Vorstand", new DateOnly(2026, 6, 30), ActionStatus.Open, 1), (action.What, action.Who, action.Due, action.Status, action.RoundNumber));

        var again = await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech/frage/{topics[0]}");
        Assert.True(((IHtmlInputElement)again.QuerySelector($"input[name='q.{question.Id}'][value='{question.Options[1].Value}']")!).IsChecked);
        Assert.Equal("Die Satzung ist fast fertig.", ((IHtmlTextAreaElement)again.QuerySelector("#Note")!).Value);
        Assert.Contains("Satzung beschließen", again.QuerySelector("ul.team-actions")!.TextContent, StringComparison.Ordinal);

        var removeForm = (IHtmlFormElement)again.QuerySelector("ul.team-actions form")!;
        Assert.StartsWith($"/k/{team.Token}/teamgespraech/frage/{topics[0]}", removeForm.GetAttribute("action"), StringComparison.Ordinal);

        var summary = (await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech/ergebnis")).Body!.TextContent;
        Assert.Contains($"{question.Options[1].Value} – {question.Options[1].Label}", summary, StringComparison.Ordinal);
        Assert.Contains("Die Satzung ist fast fertig.", summary, StringComparison.Ordinal);
        Assert.Contains("Satzung beschließen", summary, StringComparison.Ordinal);
        Assert.Contains("30.06.2026", summary, StringComparison.Ordinal);

        var removed = await team.Coordinator.SubmitAsync(removeForm);
        Assert.Equal($"/k/{team.Token}/teamgespraech/frage/{topics[0]}#massnahmen", removed.Location());
        Assert.Empty(Service<ConversationStore>().Read(Current(team.Token).Round.Id).Actions);
    }

    [Fact]
    public async Task Skip_and_back_move_along_the_agenda_and_the_last_topic_leads_to_the_summary()
    {
        var team = await TeamOfThreeAsync();
        var topics = TopicIds(await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech"));
        var url = (int i) => $"/k/{team.Token}/teamgespraech/frage/{topics[i]}";

        var skipped = await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync(url(1))).Form("form.agreement"), new Dictionary<string, string[]> { [$"q.{topics[1]}"] = [Guide.FindQuestion(topics[1])!.Options[0].Value] }, "go=ueberspringen");
        var back = await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync(url(1))).Form("form.agreement"), button: "go=zurueck");
        var backFromFirst = await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync(url(0))).Form("form.agreement"), button: "go=zurueck");
        var last = await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync(url(topics.Count - 1))).Form("form.agreement"), button: "go=weiter");

        Assert.Equal(url(2), skipped.Location());
        Assert.Equal(url(0), back.Location());
        Assert.Equal($"/k/{team.Token}/teamgespraech", backFromFirst.Location());
        Assert.Equal($"/k/{team.Token}/teamgespraech/ergebnis", last.Location());
        Assert.Empty(Service<ConversationStore>().Read(Current(team.Token).Round.Id).Agreed); // skipping saved nothing
    }

    [Theory]
    [InlineData("Note", 501, "Die Begründung ist zu lang")]
    [InlineData("What", 301, "Die Maßnahme ist zu lang")]
    [InlineData("Who", 101, "höchstens 100 Zeichen")]
    [InlineData("Due", 0, "TT.MM.JJJJ")]
    [InlineData("Who", 0, "Bitte beschreiben Sie, was getan werden soll")]
    [InlineData("Tampered", 0, "anderen Frage")]
    public async Task A_refused_form_says_why_in_german_keeps_what_was_typed_and_never_loses_what_was_saved(string field, int length, string message)
    {
        var team = await TeamOfThreeAsync();
        var topic = TopicIds(await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech"))[0];
        var question = Guide.FindQuestion(topic)!;
        var url = $"/k/{team.Token}/teamgespraech/frage/{topic}";
        await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync(url)).Form("form.agreement"), new Dictionary<string, string[]> { [$"q.{topic}"] = [question.Options[2].Value], ["Note"] = ["gespeichert"] }, "go=weiter");
        var before = Service<ConversationStore>().Read(Current(team.Token).Round.Id);

        var set = new Dictionary<string, string[]> { [$"q.{topic}"] = [question.Options[0].Value], ["Note"] = ["neu getippt"] };
        var other = Guide.Questions.First(q => q.Scored && q.Id != topic).Id;
        _ = field switch
        {
            "Due" => set["Due"] = ["31.02.2026"],
            "Tampered" => set[$"q.{other}"] = ["1"],
            _ => set[field] = [length == 0 ? "Vorstand" : new string('x', length)],
        };
        var response = await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync(url)).Form("form.agreement"), set, "go=weiter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nichts wurde gespeichert", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(set["Note"][0], ((IHtmlTextAreaElement)page.QuerySelector("#Note")!).Value);
        Assert.Equal(before, Service<ConversationStore>().Read(Current(team.Token).Round.Id), new ConversationComparer());
    }

    private sealed class ConversationComparer : IEqualityComparer<TeamConversation>
    {
        public bool Equals(TeamConversation? x, TeamConversation? y) => x!.Agreed.SequenceEqual(y!.Agreed) && x.Actions.SequenceEqual(y.Actions);

        public int GetHashCode(TeamConversation obj) => 0;
    }

    [Fact]
    public async Task The_large_type_view_is_a_route_value_that_every_link_and_redirect_keeps_and_a_link_switches_back()
    {
        var team = await TeamOfThreeAsync();
        var agenda = await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech/gross");
        var topics = TopicIds(agenda);
        var first = agenda.QuerySelector("ol.topics a")!.GetAttribute("href")!;

        Assert.NotNull(agenda.QuerySelector(".conversation.large"));
        Assert.Equal($"/k/{team.Token}/teamgespraech/frage/{topics[0]}/gross", first);
        Assert.Equal($"/k/{team.Token}/teamgespraech", agenda.QuerySelector(".view-switch a")!.GetAttribute("href"));
        Assert.Equal($"/k/{team.Token}/teamgespraech/gross", (await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech")).QuerySelector(".view-switch a")!.GetAttribute("href"));
        var topic = await team.Coordinator.PageAsync(first);
        Assert.NotNull(topic.QuerySelector(".conversation.large"));
        Assert.Equal($"/k/{team.Token}/teamgespraech/frage/{topics[1]}/gross", (await team.Coordinator.SubmitAsync(topic.Form("form.agreement"), button: "go=weiter")).Location());
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.GetAsync($"/k/{team.Token}/teamgespraech/frage/{topics[0]}/riesig")).StatusCode);
    }

    [Fact]
    public async Task Only_the_coordinator_link_opens_the_conversation()
    {
        var team = await TeamOfThreeAsync();
        var member = team.Ben[3..];
        var topic = TopicIds(await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech"))[0];

        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync($"/k/{member}/teamgespraech")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync($"/k/{member}/teamgespraech/frage/{topic}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync($"/k/{member}/teamgespraech/ergebnis")).StatusCode);
    }

    [Fact]
    public async Task A_further_question_such_as_a_development_area_can_be_added_as_a_topic_and_a_tampered_one_is_refused()
    {
        var team = await TeamOfThreeAsync();
        var agenda = await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech");
        var on = TopicIds(agenda);
        var offered = agenda.QuerySelectorAll("#questionId option").Select(o => o.GetAttribute("value")!).ToList();
        Assert.DoesNotContain(offered, on.Contains);
        var extra = offered[0];

        var added = await team.Coordinator.SubmitAsync(agenda.Form("form.add-topic"), new Dictionary<string, string[]> { ["questionId"] = [extra] });
        var refused = await team.Coordinator.SubmitAsync(agenda.Form("form.add-topic"), new Dictionary<string, string[]> { ["questionId"] = ["name"] });

        Assert.Equal($"/k/{team.Token}/teamgespraech/frage/{extra}", added.Location());
        Assert.Equal([.. on, extra], TopicIds(await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech")));
        Assert.Contains("Diese Frage gibt es", (await refused.ParseAsync()).QuerySelector(".add-topic .error-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_agreed_answer_reaches_the_cached_profile_at_once()
    {
        var team = await TeamOfThreeAsync();
        var (assessment, round) = Current(team.Token);
        var profiles = Service<ProfileService>();
        var before = profiles.Rendered(assessment, round);
        Assert.Same(before, profiles.Rendered(assessment, round));
        var topic = TopicIds(await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech"))[0];
        var url = $"/k/{team.Token}/teamgespraech/frage/{topic}";

        await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync(url)).Form("form.agreement"), new Dictionary<string, string[]> { [$"q.{topic}"] = [Guide.FindQuestion(topic)!.Options[1].Value] }, "go=weiter");
        var agreed = profiles.Rendered(assessment, round);
        await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync(url)).Form("form.agreement"), new Dictionary<string, string[]> { ["What"] = ["Nachfragen"] }, "go=weiter");
        var action = profiles.Rendered(assessment, round);

        Assert.NotSame(before, agreed);
        Assert.NotSame(agreed, action);
        Assert.Same(action, profiles.Rendered(assessment, round));
    }

    [Fact]
    public async Task The_next_round_recalls_the_agreements_asks_what_became_of_the_actions_and_tells_the_team_under_the_question()
    {
        var team = await TeamOfThreeAsync();
        var topic = TopicIds(await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech"))[0];
        var question = Guide.FindQuestion(topic)!;
        var url = $"/k/{team.Token}/teamgespraech/frage/{topic}";
        await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync(url)).Form("form.agreement"), new Dictionary<string, string[]>
        {
            [$"q.{topic}"] = [question.Options[1].Value], ["Note"] = ["Wir fangen gerade an."], ["What"] = ["Kooperationsvertrag entwerfen"], ["Who"] = ["Ben"],
        }, "go=weiter");
        var first = Current(team.Token).Round;
        _clock.Advance(TimeSpan.FromDays(365));
        await team.Coordinator.SubmitAsync((await team.Coordinator.PageAsync($"/k/{team.Token}")).Form("form[action*=NewRound]"));

        var coordinatorPage = await team.Coordinator.PageAsync($"/k/{team.Token}");
        var last = coordinatorPage.QuerySelector("section[aria-labelledby=letztes-gespraech]")!;
        Assert.Contains($"{question.Options[1].Value} – {question.Options[1].Label}", last.TextContent, StringComparison.Ordinal);
        Assert.Contains("Wir fangen gerade an.", last.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 von 1 sind noch offen", last.TextContent, StringComparison.Ordinal);
        var form = last.QuerySelector("form.action-review")!;
        var name = form.QuerySelector("input[type=radio]")!.GetAttribute("name")!;
        var marked = await team.Coordinator.SubmitAsync((IHtmlFormElement)form, new Dictionary<string, string[]> { [name] = ["partly"], ["status.999999"] = ["done"] });

        Assert.Equal($"/k/{team.Token}?notice=ActionsMarked#letztes-gespraech", marked.Location());
        var second = Current(team.Token).Round;
        var stored = Assert.Single(Service<ConversationStore>().Actions(first.Id));
        Assert.Equal((ActionStatus.Partly, (long?)second.Id), (stored.Status, stored.StatusRoundId));
        Assert.True(((IHtmlInputElement)(await team.Coordinator.PageAsync($"/k/{team.Token}")).QuerySelector($"input[name='{name}'][value=partly]")!).IsChecked);

        // Round 2's conversation shows, per topic, what was agreed last time.
        var agenda = await team.Coordinator.PageAsync($"/k/{team.Token}/teamgespraech");
        Assert.Equal(topic, agenda.QuerySelector("#questionId optgroup[label='Im letzten Durchgang vereinbart'] option")!.GetAttribute("value"));
        await team.Coordinator.SubmitAsync(agenda.Form("form.add-topic"), new Dictionary<string, string[]> { ["questionId"] = [topic] });
        var recalled = (await team.Coordinator.PageAsync(url)).QuerySelector(".last-time")!.TextContent;
        Assert.Contains($"Im letzten Durchgang hat sich Ihr Team auf „{question.Options[1].Value} – {question.Options[1].Label}“ geeinigt.", recalled, StringComparison.Ordinal);

        // And the coordinator, answering round 2, reads it under the question.
        var section = Guide.SectionOf(question);
        var answering = await team.Coordinator.PageAsync($"/a/{team.Token}/{section.Id}");
        var note = answering.QuerySelectorAll("p.last-time").Single();
        Assert.Equal($"Im letzten Durchgang hat sich Ihr Team auf „{question.Options[1].Value} – {question.Options[1].Label}“ geeinigt.", note.TextContent.Trim());
    }
}
