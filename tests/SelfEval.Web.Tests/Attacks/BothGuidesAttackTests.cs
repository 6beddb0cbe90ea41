using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Assessments;
using static SelfEval.Web.Tests.BothGuidesTests;

namespace SelfEval.Web.Tests.Attacks;

/// <summary>
/// The other guide of an initiative is reached only through its coordinator's links (the first, from which its link is
/// derived, or its own): not through a member's link, an invitation, or another initiative's coordinator link.
/// </summary>
public sealed class BothGuidesAttackTests : IDisposable
{
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(
        ("SelfEval:StartsPerHour", "1000"), ("SelfEval:RoundActionsPerMinute", "1000"), ("SelfEval:MinimumDaysBetweenRounds", "0"));

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private AssessmentStore Store => _factory.Services.GetRequiredService<AssessmentStore>();

    private static IEnumerable<string> Rows(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.respondents tbody tr td:first-child").Select(c => c.TextContent.Trim());

    private long Assessments()
    {
        using var connection = _factory.Database.Open();
        return Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM assessments");
    }

    [Fact]
    public async Task A_members_link_an_invitation_and_another_initiatives_links_never_reach_the_other_guide()
    {
        var anna = Client();
        var x = await StartAsync(anna, "Initiative X");
        var inviteX = (await InviteAsync(anna, x))[3..];
        var ben = Client();
        var benX = await JoinAsync(ben, $"/e/{inviteX}", "Ben");
        var otherX = await StartOtherAsync(anna, x);
        var otherInviteX = (await InviteAsync(anna, otherX))[3..];
        var benSecond = (await ben.SubmitAsync((IHtmlFormElement)(await ben.PageAsync($"/a/{benX}/abschluss")).QuerySelector(".other-guide form")!)).Location()[3..46];

        var mallory = Client();
        var y = await StartAsync(mallory, "Initiative Y");
        var cemY = await JoinAsync(Client(), await InviteAsync(mallory, y), "Cem");
        var before = Assessments();

        // No link but a coordinator's opens a coordinator page of either guide, or the form that starts one.
        foreach (var link in new[] { benX, inviteX, benSecond, otherInviteX, cemY })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/k/{link}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/k/{link}/leitfaden/{Second}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await mallory.GetAsync($"/k/{link}/leitfaden/{First}")).StatusCode);
        }

        // A member of another initiative asks to join "the other guide": they are sent back to their own link, nothing is made.
        var cem = Client();
        var review = await cem.PageAsync($"/a/{cemY}/abschluss");
        Assert.Null(review.QuerySelector(".other-guide"));
        var forged = await cem.SubmitAsync((IHtmlFormElement)review.QuerySelector("form")!, new Dictionary<string, string[]> { ["guideId"] = [Second] }, action: $"/a/{cemY}/anderer-leitfaden");
        Assert.Equal($"/a/{cemY}", forged.Location());

        // Another initiative's coordinator link starts that initiative's own other guide, with its own profile.
        var form = await mallory.PageAsync($"/k/{y}/leitfaden/{Second}");
        Assert.Equal("Initiative Y", ((IHtmlInputElement)form.QuerySelector("input[name='q.name']")!).Value);
        var otherY = await StartOtherAsync(mallory, y);
        Assert.NotEqual(otherX, otherY);
        Assert.Equal(before + 1, Assessments());
        Assert.Equal(["Anna (Sie)", "Ben"], Rows(await anna.PageAsync($"/k/{otherX}")));
        Assert.Equal("Initiative Y", (await mallory.PageAsync($"/k/{otherY}")).QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(otherX, (await mallory.GetStringAsync($"/k/{y}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_members_derived_link_is_a_member_link_only_and_the_join_form_posted_from_an_invitation_makes_nobody()
    {
        var anna = Client();
        var x = await StartAsync(anna);
        var invite = (await InviteAsync(anna, x))[3..];
        var ben = Client();
        var benX = await JoinAsync(ben, $"/e/{invite}", "Ben");
        var otherX = await StartOtherAsync(anna, x);
        var form = (IHtmlFormElement)(await ben.PageAsync($"/a/{benX}/abschluss")).QuerySelector(".other-guide form")!;

        // The invitation token or the coordinator token in place of the member's: nobody joins.
        Assert.Equal(HttpStatusCode.NotFound, (await ben.SubmitAsync(form, action: $"/a/{invite}/anderer-leitfaden")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.SubmitAsync((await anna.PageAsync($"/a/{x}/{TestGuides.PartnerSection}")).Form("#antworten"), new Dictionary<string, string[]> { ["guideId"] = [Second] }, action: $"/a/{x}/anderer-leitfaden")).StatusCode);
        Assert.Equal(["Anna (Sie)"], Rows(await anna.PageAsync($"/k/{otherX}")));

        var benSecond = (await ben.SubmitAsync(form)).Location()[3..46];
        var found = Store.FindByRespondentToken(benSecond)!.Value;
        Assert.False(found.Respondent.IsCoordinator);
        Assert.Null(Store.FindByCoordinatorToken(benSecond));
        Assert.Null(Store.FindByInviteToken(benSecond));
    }

    [Fact]
    public async Task An_old_rounds_link_is_offered_the_running_round_of_its_own_guide_not_the_other_guide()
    {
        var anna = Client();
        var x = await StartAsync(anna);
        var ben = Client();
        var benRound1 = await JoinAsync(ben, await InviteAsync(anna, x), "Ben");
        await anna.CloseRoundAsync(x);
        await anna.SubmitAsync((await anna.PageAsync($"/k/{x}")).Form("form[action*=NewRound]"));
        await StartOtherAsync(anna, x);

        var page = await ben.PageAsync($"/a/{benRound1}/abschluss");

        Assert.NotNull(page.QuerySelector(".newer-round"));
        Assert.Null(page.QuerySelector(".other-guide"));
    }
}
