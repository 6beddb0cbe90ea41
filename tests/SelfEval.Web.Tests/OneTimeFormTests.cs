using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Tests.Stores;

namespace SelfEval.Web.Tests;

/// <summary>
/// The start and join forms mint links on the server. A form's nonce only works in the browser it was given
/// to: sent twice from there it lands on the same record; replayed from elsewhere it yields no link.
/// </summary>
public sealed class OneTimeFormTests : IDisposable
{
    private const string Refused = "Dieses Formular wurde in einem anderen Browser geöffnet oder ist zu alt.";
    private readonly FakeClock _clock = new() { Now = DateTimeOffset.UtcNow };
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();
    private readonly WebApplicationFactory<Program> _app;

    public OneTimeFormTests() =>
        _app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static readonly Dictionary<string, string[]> Profile = TestGuides.Profile("Initiative Einmalig");

    private T Sql<T>(string sql)
    {
        using var connection = _factory.Database.Open();
        return connection.ExecuteScalar<T>(sql)!;
    }

    private static string Nonce(IHtmlFormElement form) => ((IHtmlInputElement)form.QuerySelector("input[name=Nonce]")!).Value;

    [Fact]
    public async Task A_start_form_replayed_from_another_browser_yields_no_link()
    {
        var first = Client();
        var form = (await first.PageAsync($"/start/{TestGuides.Aufbau}")).Form("form.answer-form");
        var created = (await first.SubmitAsync(form, Profile)).Location();

        var other = Client();
        var otherForm = (await other.PageAsync($"/start/{TestGuides.Aufbau}")).Form("form.answer-form");
        var replay = await other.SubmitAsync(otherForm, new Dictionary<string, string[]>(Profile) { ["Nonce"] = [Nonce(form)] });

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var page = await replay.ParseAsync();
        Assert.Contains(Refused, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(created[3..46], await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Initiative Einmalig", ((IHtmlInputElement)page.QuerySelector("#name--wert")!).Value); // what was typed stays
        Assert.NotEqual(Nonce(form), Nonce(page.Form("form.answer-form")));
        Assert.Equal(1, Sql<int>("SELECT COUNT(*) FROM assessments"));
    }

    [Fact]
    public async Task A_join_form_replayed_from_another_browser_yields_no_personal_link()
    {
        var coordinator = Client();
        var start = (await coordinator.PageAsync($"/start/{TestGuides.Aufbau}")).Form("form.answer-form");
        var token = (await coordinator.SubmitAsync(start, Profile)).Location()[3..46];
        var invite = new Uri(((IHtmlInputElement)(await coordinator.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;
        var member = Client();
        var join = (await member.PageAsync(invite)).Form("form.answer-form");
        var personal = (await member.SubmitAsync(join)).Location();

        var other = Client();
        var replay = await other.SubmitAsync((await other.PageAsync(invite)).Form("form.answer-form"), new Dictionary<string, string[]> { ["Nonce"] = [Nonce(join)] });

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains(Refused, (await replay.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(personal[3..46], await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, Sql<int>("SELECT COUNT(*) FROM respondents"));
    }

    [Fact]
    public async Task Sent_twice_from_the_same_browser_a_form_lands_on_the_same_record_and_the_table_keeps_no_link_in_clear()
    {
        var client = Client();
        var form = (await client.PageAsync($"/start/{TestGuides.Aufbau}")).Form("form.answer-form");

        var first = (await client.SubmitAsync(form, Profile)).Location();
        var second = (await client.SubmitAsync(form, Profile)).Location();

        Assert.Equal(first, second);
        Assert.Equal(1, Sql<int>("SELECT COUNT(*) FROM assessments"));
        using var connection = _factory.Database.Open();
        var stored = string.Join("|", connection.Query<string>("SELECT quote(nonce_hash) || token_protected FROM one_time_forms"));
        Assert.DoesNotContain(first[3..46], stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Nonce(form), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remembered_forms_are_forgotten_after_a_day_and_an_old_form_asks_to_be_sent_again()
    {
        var client = Client();
        var old = (await client.PageAsync($"/start/{TestGuides.Aufbau}")).Form("form.answer-form");
        await client.SubmitAsync(old, Profile);
        Assert.Equal(1, Sql<int>("SELECT COUNT(*) FROM one_time_forms"));

        _clock.Advance(TimeSpan.FromHours(25));
        var fresh = (await client.PageAsync($"/start/{TestGuides.Aufbau}")).Form("form.answer-form");
        await client.SubmitAsync(fresh, Profile);
        var again = await client.SubmitAsync(old, Profile);

        Assert.Equal(1, Sql<int>("SELECT COUNT(*) FROM one_time_forms"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(Refused, (await again.ParseAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, Sql<int>("SELECT COUNT(*) FROM assessments"));
    }
}
