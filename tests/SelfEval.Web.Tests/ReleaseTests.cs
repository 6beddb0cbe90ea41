using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfEval.Web.Assessments;
using static SelfEval.Web.Tests.CoordinatorTests;

namespace SelfEval.Web.Tests;

/// <summary>The coordinator releases the team profile to the team, who then read it through their own links (issue 16).</summary>
public sealed class ReleaseTests : IDisposable
{
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(("SelfEval:RoundActionsPerMinute", "1000"));

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Anna coordinates; the named members each answer one question (Ben shares by name); returns their clients and links.</summary>
    private async Task<(HttpClient Coordinator, string Token, List<(HttpClient Client, string Link)> Members)> TeamAsync(params string[] names)
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);
        var invite = await InviteAsync(coordinator, token);
        var members = new List<(HttpClient, string)>();
        foreach (var name in names)
        {
            var member = Client();
            var link = await JoinAsync(member, invite, name, sharing: name == "Ben" ? "name" : "none");
            await AnswerOneAsync(member, link, TestGuides.PartnerSection);
            members.Add((member, link));
        }

        return (coordinator, token, members);
    }

    private static async Task<HttpResponseMessage> SetReleaseAsync(HttpClient coordinator, string token)
    {
        var index = await coordinator.PageAsync($"/k/{token}");
        var href = index.QuerySelector("#freigabe + p a")!.GetAttribute("href")!;
        Assert.Equal($"/k/{token}/teamprofil-freigeben", href);
        var confirm = await coordinator.PageAsync(href);
        return await coordinator.SubmitAsync(confirm.Form("form"));
    }

    [Fact]
    public async Task Members_see_the_team_profile_only_once_released_and_no_longer_once_withdrawn()
    {
        var (coordinator, token, members) = await TeamAsync("Ben", "Cem", "Dana");
        var (dana, link) = members[2];

        var before = await dana.PageAsync($"{link}/team-ergebnis");
        Assert.Equal(PeopleTexts.NotReleased, before.QuerySelector("#zurueckgehalten")!.TextContent);
        Assert.Null(before.QuerySelector(".profile, section.benchmark"));
        Assert.Equal(HttpStatusCode.NotFound, (await dana.GetAsync($"{link}/team-ergebnis?handler=Pdf")).StatusCode);
        Assert.Null((await dana.PageAsync($"{link}/abschluss")).QuerySelector("#teamprofil"));

        Assert.Equal($"/k/{token}?notice=Released", (await SetReleaseAsync(coordinator, token)).Location());

        var review = await dana.PageAsync($"{link}/abschluss");
        Assert.Equal($"{link}/team-ergebnis", review.QuerySelector("a#teamprofil")!.GetAttribute("href"));
        var page = await dana.PageAsync($"{link}/team-ergebnis");
        var text = page.Body!.TextContent.ReplaceLineEndings(" ");
        Assert.Contains("Antworten von 3 Personen", text, StringComparison.Ordinal);
        var coordinatorView = (await coordinator.PageAsync($"/k/{token}/ergebnis")).QuerySelector("main")!.TextContent;
        Assert.Contains(page.QuerySelector("h1")!.TextContent, coordinatorView, StringComparison.Ordinal); // the same profile

        // Only the team's figures: no name (Ben shares his answers by name with the coordination, not with the team), no coordinator link.
        foreach (var name in new[] { "Anna", "Ben", "Cem" })
        {
            Assert.DoesNotMatch($@"\b{name}\b", text);
        }

        Assert.DoesNotContain(token, page.Source.Text, StringComparison.Ordinal);
        var pdf = await dana.GetAsync($"{link}/team-ergebnis?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var pdfText = PdfText.Flat(PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Antworten von 3 Personen", pdfText, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bBen\b", pdfText);

        // Withdrawn: the page says so again.
        var withdrawn = await SetReleaseAsync(coordinator, token);
        Assert.Equal($"/k/{token}?notice=Withdrawn", withdrawn.Location());
        Assert.Equal(PeopleTexts.NotReleased, (await dana.PageAsync($"{link}/team-ergebnis")).QuerySelector("#zurueckgehalten")!.TextContent);
    }

    [Fact]
    public async Task A_released_profile_stays_readable_after_the_round_is_closed()
    {
        var (coordinator, token, members) = await TeamAsync("Ben", "Cem", "Dana");
        await coordinator.CloseRoundAsync(token);
        await SetReleaseAsync(coordinator, token);

        var page = await members[1].Client.PageAsync($"{members[1].Link}/team-ergebnis");

        Assert.Contains("Antworten von 3 Personen", page.Body!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.NotNull((await members[1].Client.PageAsync($"{members[1].Link}/abschluss")).QuerySelector("a#teamprofil"));
    }

    [Fact]
    public async Task In_a_team_of_two_nobody_reads_the_other_ones_answers_off_the_released_profile()
    {
        var (coordinator, token, members) = await TeamAsync("Ben", "Cem");
        var confirm = await coordinator.PageAsync($"/k/{token}/teamprofil-freigeben");
        Assert.Contains(PeopleTexts.ReleaseMinimum, confirm.Body!.TextContent, StringComparison.Ordinal); // the coordinator is told before releasing
        await coordinator.SubmitAsync(confirm.Form("form"));

        var (ben, link) = members[0];
        var page = await ben.PageAsync($"{link}/team-ergebnis");

        Assert.Equal(PeopleTexts.TooFewForTeam, page.QuerySelector("#zurueckgehalten")!.TextContent);
        Assert.DoesNotContain("Antworten von", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.GetAsync($"{link}/team-ergebnis?handler=Pdf")).StatusCode);
    }

    [Fact]
    public async Task The_invitation_promises_only_what_the_coordinator_can_release()
    {
        var coordinator = Client();
        var token = await StartAsync(coordinator, guide: TestGuides.Aufbau);

        var join = await Client().PageAsync(await InviteAsync(coordinator, token));

        Assert.Contains(PeopleTexts.InvitePromise, join.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("später", join.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }
}
