using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Scoring.Model;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Tests;

/// <summary>
/// "Weiß nicht" through the real forms, on a question of the fixture guide that offers it
/// ("test-finanzierung-gesichert") next to a scale that does not ("test-kasse"). No profile question offers it, so the
/// service runs with the fixture catalogue where only the number question "test-mitglieder" allows it.
/// </summary>
public sealed class DontKnowTests : IDisposable
{
    private const string Scale = "test-finanzierung-gesichert";
    private const string Plain = "test-kasse";
    private const string Section = "test-finanzierung";
    private const string Number = "test-mitglieder";

    private readonly SelfEvalFactory _base = SelfEvalFactory.WithTestGuides();
    private readonly WebApplicationFactory<Program> _factory;

    public DontKnowTests()
    {
        var shipped = QuestionnaireCatalog.Load(TestPaths.TestQuestionnaires);
        var catalog = new QuestionnaireCatalog(shipped.Questionnaires.Select(Allow).ToList(), shipped.Offers);
        _factory = _base.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(catalog)));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _base.Dispose();
    }

    private static Questionnaire Allow(Questionnaire guide) => guide with
    {
        Sections = guide.Sections.Select(s => s with
        {
            Questions = s.Questions.Select(q => q.Id is Number ? q with { AllowsDontKnow = true } : q).ToList(),
        }).ToList(),
    };

    private HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private T Sql<T>(string sql)
    {
        using var connection = _base.Database.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }

    private static readonly Dictionary<string, string[]> Profile = new()
    {
        ["q.name"] = ["Initiative Nordwind"],
        ["q.phase"] = ["gruendung"],
        ["q." + Number] = ["__dont-know"],
    };

    private async Task<string> StartAsync(HttpClient client)
    {
        var page = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        var set = new Dictionary<string, string[]>(Profile) { ["OptIn"] = ["true"], ["CoordinatorName"] = ["Anna"] };
        var location = (await client.SubmitAsync(page.Form("form.answer-form"), set)).Location();
        return location[3..46];
    }

    [Fact]
    public async Task The_section_page_offers_weiss_nicht_only_where_allowed_and_apart_from_nicht_relevant()
    {
        var client = Client();
        var token = await StartAsync(client);

        var page = await client.PageAsync($"/a/{token}/{Section}");

        var box = (IHtmlInputElement)page.QuerySelector($"#frage-{Scale} input[value='__dont-know']")!;
        Assert.Equal("radio", box.Type);
        Assert.Equal("q." + Scale, box.Name);
        Assert.Equal("weiß nicht", page.QuerySelector($"label[for='{box.Id}']")!.TextContent.Trim());
        Assert.Null(page.QuerySelector($"#frage-{Plain} input[value='__dont-know']"));
        Assert.Null(page.QuerySelector($"#frage-{Scale} [data-not-relevant]")); // this question does not allow "nicht relevant"
    }

    [Fact]
    public async Task Weiss_nicht_is_stored_shown_again_and_counted_as_answered()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{Section}");

        var response = await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q." + Scale] = ["__dont-know"] }, "go=bleiben");

        Assert.Equal($"/a/{token}/{Section}?notice=Saved", response.Location());
        Assert.Equal(1, Sql<int>($"SELECT dont_know FROM answers WHERE question_id = '{Scale}'"));
        Assert.Equal(0, Sql<int>($"SELECT COUNT(*) FROM answers WHERE question_id = '{Scale}' AND (value_json IS NOT NULL OR not_relevant = 1)"));
        var again = await client.PageAsync($"/a/{token}/{Section}");
        Assert.True(((IHtmlInputElement)again.QuerySelector($"#frage-{Scale} input[value='__dont-know']")!).IsChecked);
        Assert.StartsWith("1 von ", again.QuerySelector(".section-nav li.current .state")!.TextContent, StringComparison.Ordinal);
        var review = await client.PageAsync($"/a/{token}/abschluss");
        Assert.Contains("davon 2 mit „weiß nicht“", review.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal); // and the number of members in the profile
    }

    [Fact]
    public async Task A_number_question_takes_weiss_nicht_instead_of_a_number()
    {
        var client = Client();
        var token = await StartAsync(client);

        Assert.Equal(1, Sql<int>($"SELECT dont_know FROM profile_answers WHERE question_id = '{Number}'"));
        var page = await client.PageAsync($"/a/{token}/{TestGuides.ProfileSection}");
        var box = (IHtmlInputElement)page.QuerySelector($"#frage-{Number} input[value='__dont-know']")!;
        Assert.Equal("checkbox", box.Type);
        Assert.True(box.IsChecked);
        Assert.Equal(string.Empty, ((IHtmlInputElement)page.QuerySelector($"#{Number}--wert")!).Value);
    }

    [Fact]
    public async Task A_tampered_form_sending_weiss_nicht_where_it_is_not_offered_is_refused_in_german()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{Section}");

        var response = await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q." + Plain] = ["__dont-know"] }, "go=weiter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await response.ParseAsync();
        Assert.Equal("Diese Frage lässt „weiß nicht“ nicht zu. Bitte wählen Sie eine Antwort.", again.QuerySelector($"#frage-{Plain} .error-text")!.TextContent.Replace("Fehler: ", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Equal(0, Sql<int>($"SELECT COUNT(*) FROM answers WHERE question_id = '{Plain}'"));
    }

    [Fact]
    public async Task The_export_shows_weiss_nicht_in_json_and_csv()
    {
        var client = Client();
        var token = await StartAsync(client);
        var page = await client.PageAsync($"/a/{token}/{Section}");
        await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { ["q." + Scale] = ["__dont-know"] }, "go=bleiben");

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/k/{token}/export?runde=1&format=json"));
        var csv = (await client.GetStringAsync($"/k/{token}/export?runde=1&format=csv")).TrimEnd().Split('\n');

        Assert.Equal("weiß nicht", json.RootElement.GetProperty("initiative").GetProperty(Number).GetString());
        Assert.Equal("weiß nicht", json.RootElement.GetProperty("respondents")[0].GetProperty("answers").GetProperty(Scale).GetString());
        var column = Array.IndexOf(csv[0].Split(','), Scale);
        Assert.Equal("weiß nicht", csv[1].Split(',')[column]);
    }

    [Fact]
    public async Task The_paper_form_has_a_box_for_weiss_nicht_where_allowed()
    {
        var page = await Client().PageAsync($"/leitfaden/{TestGuides.Aufbau}");

        Assert.NotNull(page.QuerySelector($"#frage-{Scale} li.dont-know"));
        Assert.NotNull(page.QuerySelector($"#frage-{Number} .dont-know"));
        Assert.Null(page.QuerySelector($"#frage-{Plain} .dont-know"));
    }
}
