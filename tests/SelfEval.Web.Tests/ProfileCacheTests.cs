using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Cli;
using SelfEval.Web.Tests.Attacks;
using SelfEval.Web.Tests.Stores;

namespace SelfEval.Web.Tests;

/// <summary>
/// The team profile is built once and kept while nothing it is made from changes: these show that a change
/// reaches the page and the PDF at once. The clock stands still, so no timestamp moves between two saves.
/// </summary>
public sealed class ProfileCacheTests : IDisposable
{
    private const string Password = "ein-langes-passwort";
    private readonly FakeClock _clock = new() { Now = DateTimeOffset.UtcNow };
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithProductionGuides();
    private readonly WebApplicationFactory<Program> _app;

    public ProfileCacheTests()
    {
        _app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<(string Profile, string Pdf)> ProfileAsync(HttpClient client, string url)
    {
        var page = await client.PageAsync(url);
        var pdf = PdfText.Flat(PdfText.Read(await client.GetByteArrayAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Pdf")));
        return (page.QuerySelector("article.profile")!.TextContent, pdf);
    }

    [Fact]
    public async Task An_answer_saved_while_the_round_is_open_changes_the_profile_page_and_the_pdf_at_once()
    {
        var client = Client();
        var token = await Initiatives.CreateAsync(client, "Initiative Zwischenstand", level: 0, close: false, guide: ProductionGuides.Aufstellen);
        var before = await ProfileAsync(client, $"/k/{token}/ergebnis");
        Assert.Equal(before, await ProfileAsync(client, $"/k/{token}/ergebnis"));

        // The coordinator, a member of the team like the others, now answers the first scored section at the top level.
        var scored = _app.Services.GetRequiredService<SelfEval.Web.Questionnaires.QuestionnaireCatalog>().Find("sich-gut-aufstellen")!.Sections.First(s => s.Questions.Any(q => q.Scored));
        var section = await client.PageAsync($"/a/{token}/{scored.Id}");
        var top = section.QuerySelectorAll("[data-question]:not([hidden])")
            .Select(f => (Name: "q." + f.GetAttribute("data-question"), Options: f.QuerySelectorAll("input[type=radio]").Select(i => i.GetAttribute("value")!).Where(v => !v.StartsWith("__", StringComparison.Ordinal)).ToList()))
            .Where(q => q.Options.Count > 1)
            .ToDictionary(q => q.Name, q => new[] { q.Options[^1] });
        Assert.NotEmpty(top);
        Assert.StartsWith($"/a/{token}/", (await client.SubmitAsync(section.Form("#antworten"), top, "go=weiter")).Location(), StringComparison.Ordinal);
        var after = await ProfileAsync(client, $"/k/{token}/ergebnis");

        Assert.NotEqual(before.Profile, after.Profile);
        Assert.NotEqual(before.Pdf, after.Pdf);
    }

    [Fact]
    public async Task A_newly_published_comparison_snapshot_changes_the_band_on_the_profile_page_and_in_the_pdf()
    {
        var output = new StringWriter();
        Assert.Equal(0, DemoDataCommand.Run(["--initiatives", "60", "--seed", "3"], _factory.DatabasePath, TestPaths.Questionnaires, output, output));
        Assert.Equal(0, Commands.Run(["add-office-user", "anna", "--password-stdin", "--database", _factory.DatabasePath], output, output, stdin: new StringReader(Password)));
        var client = Client();
        var token = await Initiatives.CreateAsync(client, "Initiative Vergleich", level: 0.5, code: Initiatives.Code(_app.Services), guide: ProductionGuides.Aufstellen);
        var url = $"/k/{token}/ergebnis?runde=1";
        static string Band(IHtmlDocument page) => page.QuerySelector(".benchmark")!.TextContent;
        var before = Band(await client.PageAsync(url));
        var pdfBefore = PdfText.Flat(PdfText.Read(await client.GetByteArrayAsync(url + "&handler=Pdf")));
        Assert.Contains("Median", before, StringComparison.Ordinal);

        // More initiatives close rounds: the band is a published figure and stays until the office publishes again.
        Assert.Equal(0, DemoDataCommand.Run(["--initiatives", "60", "--seed", "4", "--mix"], _factory.DatabasePath, TestPaths.Questionnaires, output, output));
        Assert.Equal(before, Band(await client.PageAsync(url)));
        var office = Client();
        Assert.Equal("/servicestelle", (await office.LoginAsync("anna", Password)).Location());
        await office.SubmitAsync((await office.PageAsync("/servicestelle")).Form("form[action*=Publish]"));

        Assert.NotEqual(before, Band(await client.PageAsync(url)));
        Assert.NotEqual(pdfBefore, PdfText.Flat(PdfText.Read(await client.GetByteArrayAsync(url + "&handler=Pdf"))));
    }
}
