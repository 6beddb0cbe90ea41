using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfEval.Web.Cli;

namespace SelfEval.Web.Tests.Attacks;

/// <summary>
/// The differencing attack, tried as an office user would: every selection the dashboard offers (filters ×
/// splits × comparisons × years × the exports), asked by two users, with a restart of the service half-way.
/// The attacker needs no database: two released figures of one measure whose selections are nested (one
/// adds a condition to the other) rest on sets that differ by exactly the difference of their n. If that
/// lies between 1 and k−1, those few initiatives' scores follow.
/// </summary>
public sealed class DifferencingSearchTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int K = 5;
    private const string Password = "ein-langes-passwort";
    private static readonly string[] Guides = ["sich-gut-aufstellen", "wirkung-entfalten"];
    private static readonly Dictionary<string, string[]> Dimensions = new()
    {
        ["phase"] = ["gruendung", "aufbau", "etabliert", "neuausrichtung"],
        ["ausrichtung"] = ["politisch-strategisch", "praktisch-projektorientiert", "mischform"],
        ["rechtsform"] = ["ohne-eigene", "ev", "gmbh", "andere"],
        ["radius"] = ["lokal", "regional", "landesweit", "laenderuebergreifend"],
        ["region"] = ["nord", "west", "mitte", "sued", "ost"],
        ["gruendung"] = ["vor-2000", "2000-2009", "2010-2017", "ab-2018"],
    };

    private readonly TempFolder _folder = TestPaths.NewTempFolder();

    private void Seed()
    {
        var output = new StringWriter();
        Assert.Equal(0, DemoDataCommand.Run(["--initiatives", "90", "--seed", "7"], Database, TestPaths.Questionnaires, output, output));
        foreach (var user in new[] { "anna", "ben" })
        {
            Assert.Equal(0, Commands.Run(["add-office-user", user, "--password-stdin", "--database", Database], output, output, stdin: new StringReader(Password)));
        }
    }

    private string Database => _folder.File("selfeval.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>One released number: the selection it describes (sorted conditions, year or none), its measure, its n and its value.</summary>
    private sealed record Released(string Guide, string Selection, SortedSet<string> Conditions, string Measure, int N, string Value, string Url);

    private WebApplicationFactory<Program> Service() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("SelfEval:DatabasePath", Database);
            b.UseSetting("SelfEval:LinkRequestsPerMinute", "100000");
            b.UseSetting("SelfEval:LoginRequestsPerMinute", "10000");
            b.UseEnvironment("Production");
        });

    private static async Task<HttpClient> LoginAsync(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal("/servicestelle", (await client.LoginAsync(user, Password)).Location());
        return client;
    }

    private static IEnumerable<string> Selections()
    {
        var filters = new List<string> { string.Empty };
        filters.AddRange(Dimensions.SelectMany(d => d.Value.Select(v => $"&{d.Key}={v}")));
        var views = new List<string> { string.Empty };
        views.AddRange(Dimensions.Keys.Select(d => $"&aufteilen={d}"));
        views.AddRange(Dimensions.Select(d => $"&vergleich={d.Key}&a={d.Value[0]}&b={d.Value[1]}"));
        return from guide in Guides from filter in filters from view in views select $"/servicestelle?leitfaden={guide}{filter}{view}&handler=Export&format=json";
    }

    [Fact]
    public async Task No_two_released_figures_of_a_measure_rest_on_nested_selections_that_differ_by_1_to_k_minus_1()
    {
        Seed();
        var released = new List<Released>();
        var urls = Selections().ToList();
        int shown = 0, withheld = 0;
        var app = Service();
        try
        {
            var users = new[] { await LoginAsync(app, "anna"), await LoginAsync(app, "ben") };
            for (var i = 0; i < urls.Count; i++)
            {
                if (i == urls.Count / 2)
                {
                    // A restart in the middle: whatever guards the figures must not forget.
                    app.Dispose();
                    app = Service();
                    users = [await LoginAsync(app, "anna"), await LoginAsync(app, "ben")];
                }

                var body = await users[i % 2].GetStringAsync(urls[i]);
                var json = JsonDocument.Parse(body).RootElement;
                released.AddRange(Read(json, urls[i]));
                shown += System.Text.RegularExpressions.Regex.Count(body, "\"median\"");
                withheld += System.Text.RegularExpressions.Regex.Count(body, "\"distribution\": null|\"overall\": null");
            }
        }
        finally
        {
            app.Dispose();
        }

        output.WriteLine($"{urls.Count} selections asked; distributions shown: {shown}, withheld: {withheld}");
        Assert.True(released.Count > 500, $"the search saw only {released.Count} figures: the dashboard must stay useful");
        var problems = new List<string>();
        foreach (var group in released.GroupBy(r => (r.Guide, r.Measure)))
        {
            var distinct = group.GroupBy(r => r.Selection).Select(g => g.First()).ToList();

            // The same selection must always show the same numbers, or the change between them leaks.
            problems.AddRange(group.GroupBy(r => r.Selection).Where(g => g.Select(r => (r.N, r.Value)).Distinct().Count() > 1)
                .Select(g => $"{group.Key}: {g.Key} shows different numbers: {g.First().Value} in {g.First().Url} and {g.Last().Value} in {g.Last().Url}"));
            foreach (var wide in distinct)
            {
                foreach (var narrow in distinct.Where(n => n.Conditions.Count > wide.Conditions.Count && wide.Conditions.IsSubsetOf(n.Conditions)))
                {
                    var difference = wide.N - narrow.N;
                    if (difference is > 0 and < K)
                    {
                        problems.Add($"{group.Key}: '{wide.Selection}' (n={wide.N}) and '{narrow.Selection}' (n={narrow.N}) isolate {difference}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} differencing pairs, e.g.:\n{string.Join('\n', problems.Take(10))}");
    }

    /// <summary>Every number of one JSON export with the selection it describes.</summary>
    private static IEnumerable<Released> Read(JsonElement json, string url)
    {
        var guide = json.GetProperty("guide").GetString()!;
        var filters = json.GetProperty("filters").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").ToList();
        IEnumerable<Released> Figures(JsonElement figures, IEnumerable<string> conditions)
        {
            var set = new SortedSet<string>(conditions, StringComparer.Ordinal);
            foreach (var f in figures.EnumerateArray())
            {
                if (f.GetProperty("distribution") is { ValueKind: JsonValueKind.Object } d)
                {
                    yield return new Released(guide, string.Join(';', set), set, f.GetProperty("key").GetString()!, d.GetProperty("n").GetInt32(), JsonSerializer.Serialize(d), url);
                }
            }
        }

        if (json.GetProperty("selectedInitiatives") is { ValueKind: JsonValueKind.Number } selected)
        {
            var set = new SortedSet<string>(filters, StringComparer.Ordinal);
            yield return new Released(guide, string.Join(';', set), set, "n", selected.GetInt32(), JsonSerializer.Serialize(json.GetProperty("weaknesses")), url);
            foreach (var r in Figures(json.GetProperty("figures"), filters))
            {
                yield return r;
            }
        }

        var dimension = Query(url, "aufteilen") ?? Query(url, "vergleich");
        foreach (var part in new[] { "split", "compare" })
        {
            foreach (var g in json.GetProperty(part).EnumerateArray())
            {
                if (g.GetProperty("initiatives") is { ValueKind: JsonValueKind.Number } n)
                {
                    var conditions = filters.Append($"{dimension}={g.GetProperty("group").GetString()}").ToList();
                    var set = new SortedSet<string>(conditions, StringComparer.Ordinal);
                    yield return new Released(guide, string.Join(';', set), set, "n-group", n.GetInt32(), string.Empty, url);
                    foreach (var r in Figures(g.GetProperty("figures"), conditions))
                    {
                        yield return r;
                    }
                }
            }
        }

        // A year's figure rests on that year's rounds: nested with the same year's figures of other selections.
        // Against the selections above (each initiative's latest round) it shares only some rounds, so n says
        // nothing about their difference; the service checks those pairs on the rounds themselves.
        foreach (var y in json.GetProperty("years").EnumerateArray())
        {
            if (y.GetProperty("overall") is { ValueKind: JsonValueKind.Object } d)
            {
                var set = new SortedSet<string>(filters, StringComparer.Ordinal);
                var measure = "gesamt im Jahr " + y.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture);
                yield return new Released(guide, string.Join(';', set), set, measure, d.GetProperty("n").GetInt32(), JsonSerializer.Serialize(d), url);
            }
        }

        foreach (var c in json.GetProperty("counts").EnumerateArray())
        {
            if (c.TryGetProperty("initiatives", out var n) && n.ValueKind == JsonValueKind.Number)
            {
                yield return new Released(c.GetProperty("guide").GetString()!, "alle", [], "anzahl im Jahr " + c.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture), n.GetInt32(), string.Empty, url);
            }
        }
    }

    private static string? Query(string url, string name) =>
        url.Split('?', '&').Select(p => p.Split('=')).FirstOrDefault(p => p[0] == name)?[1];
}
