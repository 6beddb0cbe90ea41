using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Assessments;
using static SelfEval.Web.Tests.CoordinatorTests;

namespace SelfEval.Web.Tests;

/// <summary>Small defects found when walking a round as a coordinator with a team (issue 16).</summary>
public sealed class WalkedRoundTests : IDisposable
{
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(
        ("SelfEval:RoundActionsPerMinute", "1000"), ("SelfEval:MinimumDaysBetweenRounds", "0"));

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static IEnumerable<string> Rows(IDocument page) =>
        page.QuerySelectorAll("table.respondents tbody tr td:first-child").Select(c => c.TextContent.Trim());

    /// <summary>Answers every question shown (the first option, a number where a number is asked) and finishes.</summary>
    private static async Task FinishAsync(HttpClient member, string personal)
    {
        var next = (await member.GetAsync(personal)).Location();
        while (!next.Contains("/abschluss", StringComparison.Ordinal))
        {
            var page = await member.PageAsync(next);
            var set = new Dictionary<string, string[]>();
            foreach (var field in page.QuerySelectorAll("[data-question]:not([hidden])"))
            {
                var name = "q." + field.GetAttribute("data-question");
                var option = field.QuerySelectorAll("input[type=radio], input[type=checkbox]").Select(i => i.GetAttribute("value")!).FirstOrDefault(v => !v.StartsWith("__", StringComparison.Ordinal));
                set[name] = option is not null ? [option] : field.QuerySelector($"textarea[name='{name}']") is not null ? ["Notiz"] : ["3"];
            }

            next = (await member.SubmitAsync(page.Form("#antworten"), set, "go=weiter")).Location();
        }

        var review = await member.PageAsync(next);
        var finished = await member.SubmitAsync(review.Form("form:not([action])"));
        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
    }

    [Fact]
    public async Task Closing_does_not_list_a_coordinator_who_answers_nothing_but_the_profile_as_not_finished()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var ben = Client();
        await FinishAsync(ben, await JoinAsync(ben, await InviteAsync(coordinator, token), "Ben"));

        var close = await coordinator.PageAsync($"/k/{token}/abschliessen");

        Assert.Null(close.QuerySelector("#unfertig"));
        Assert.Contains("Alle Personen haben ihre Antworten abgeschlossen.", close.Body!.TextContent, StringComparison.Ordinal);

        // Once the coordinator answers questions of their own, they are one of those who may not have finished.
        await AnswerOneAsync(coordinator, $"/a/{token}", TestGuides.PartnerSection);
        var listed = await coordinator.PageAsync($"/k/{token}/abschliessen");
        Assert.Equal(["Anna"], listed.QuerySelectorAll("#unfertig li").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public async Task Reissuing_the_link_of_someone_who_finished_says_first_that_they_must_answer_again_and_the_coordinator_page_shows_it()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var invite = await InviteAsync(coordinator, token);
        var ben = Client();
        await FinishAsync(ben, await JoinAsync(ben, invite, "Ben"));
        var cem = Client();
        await FinishAsync(cem, await JoinAsync(cem, invite, "Cem", sharing: "name"));

        var index = await coordinator.PageAsync($"/k/{token}");
        string Reissue(IDocument page, string label) =>
            page.QuerySelectorAll("table.respondents a").Single(a => a.TextContent.Trim() == $"{PeopleTexts.ReissueAction}: {label}").GetAttribute("href")!;
        var confirm = await coordinator.PageAsync(Reissue(index, "Ben"));
        var warning = confirm.QuerySelector("#erneut-beantworten")!.TextContent;
        Assert.Contains(PeopleTexts.ReissueUnfinishes("Ben"), warning, StringComparison.Ordinal);
        Assert.Contains("abgeschlossen am", Row(index, "Ben"), StringComparison.Ordinal); // nothing changed yet

        await coordinator.SubmitAsync(confirm.Form("form[action*=Reissue]"));
        var after = await coordinator.PageAsync($"/k/{token}");
        Assert.DoesNotContain("abgeschlossen am", Row(after, "Ben"), StringComparison.Ordinal);
        Assert.Contains(PeopleTexts.ReissuedRow, Row(after, "Ben"), StringComparison.Ordinal);

        // Someone who shares by name keeps the answers with the new link, and so stays finished: no warning.
        var shared = await coordinator.PageAsync(Reissue(after, "Cem"));
        Assert.Null(shared.QuerySelector("#erneut-beantworten"));
        await coordinator.SubmitAsync(shared.Form("form[action*=Reissue]"));
        var last = await coordinator.PageAsync($"/k/{token}");
        Assert.Contains("abgeschlossen am", Row(last, "Cem"), StringComparison.Ordinal);
        Assert.DoesNotContain(PeopleTexts.ReissuedRow, Row(last, "Cem"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_team_agreed_last_time_sits_inside_its_question_and_is_hidden_with_it()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var ben = Client();
        var personal = await JoinAsync(ben, await InviteAsync(coordinator, token), "Ben");
        var partner = await ben.PageAsync($"{personal}/{TestGuides.PartnerSection}");
        await ben.SubmitAsync(partner.Form("#antworten"), new Dictionary<string, string[]> { ["q.test-partner-vereinbarung"] = ["ja"], ["q.test-partner-anzahl"] = ["4"] }, "go=bleiben");
        await coordinator.CloseRoundAsync(token);

        // The topic form takes scored questions only; the fixture's one follow-up is a number, so its agreement is stored directly.
        var assessments = _factory.Services.GetRequiredService<AssessmentStore>();
        var first = assessments.CurrentRound(assessments.FindByCoordinatorToken(token)!.Id);
        _factory.Services.GetRequiredService<ConversationStore>().Save(first.Id, "test-partner-anzahl", new SelfEval.Web.Data.StoredAnswer("test-partner-anzahl", "5", false, null), "Gezählt");
        await coordinator.SubmitAsync((await coordinator.PageAsync($"/k/{token}")).Form("form[action*=NewRound]"));

        // In round 2 nobody said yet that there is an agreement, so the follow-up is hidden, and its note with it.
        var page = await coordinator.PageAsync($"/a/{token}/{TestGuides.PartnerSection}");

        var note = Assert.Single(page.QuerySelectorAll("p.last-time"));
        var field = note.Closest("[data-question]");
        Assert.NotNull(field);
        Assert.Equal("test-partner-anzahl", field.GetAttribute("data-question"));
        Assert.True(field.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Joining_the_other_guide_by_its_invitation_and_by_the_button_on_the_personal_link_finds_the_same_entry_either_way()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var invite = await InviteAsync(coordinator, token);
        var ben = Client();
        var benFirst = await JoinAsync(ben, invite, "Ben");
        var cem = Client();
        var cemFirst = await JoinAsync(cem, invite, "Cem");
        var start = (await coordinator.PageAsync($"/k/{token}")).QuerySelector($"#leitfaeden a[href$='/leitfaden/{TestGuides.Wirkung}']")!.GetAttribute("href")!;
        var other = (await coordinator.SubmitAsync((await coordinator.PageAsync(start)).Form("form.answer-form"))).Location()[3..46];
        var otherInvite = await InviteAsync(coordinator, other);

        // Ben first by the button, then by the invitation of the other guide.
        var button = (await ben.PageAsync($"{benFirst}/abschluss")).QuerySelector(".other-guide form")!;
        var benSecond = (await ben.SubmitAsync((IHtmlFormElement)button)).Location()[..46];
        var invited = await ben.PageAsync(otherInvite);
        Assert.Equal(benSecond, invited.QuerySelector("a.returning")?.GetAttribute("href"));
        Assert.Equal(benSecond, (await ben.SubmitAsync(invited.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = ["Ben"] })).Location()[..46]);

        // Cem first by the invitation, then by the button.
        var cemSecond = await JoinAsync(cem, otherInvite, "Cem");
        var offer = (await cem.PageAsync($"{cemFirst}/abschluss")).QuerySelector(".other-guide")!;
        var went = offer.QuerySelector("form") is IHtmlFormElement form
            ? (await cem.SubmitAsync(form)).Location()[..46]
            : offer.QuerySelector("a")!.GetAttribute("href");
        Assert.Equal(cemSecond, went);

        Assert.Equal(["Anna (Sie)", "Ben", "Cem"], Rows(await coordinator.PageAsync($"/k/{other}")));
    }
}
