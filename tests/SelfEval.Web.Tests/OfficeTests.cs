using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Cli;
using SelfEval.Web.Office;
using SelfEval.Web.Tests.Stores;

namespace SelfEval.Web.Tests;

/// <summary>The service office over a demo network plus one real initiative whose secrets must never show.</summary>
public sealed class OfficeTests : IDisposable
{
    private const string Password = "ein-langes-passwort";
    private readonly FakeClock _clock = new() { Now = DateTimeOffset.UtcNow };
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithProductionGuides();
    private readonly WebApplicationFactory<Program> _app;

    public OfficeTests()
    {
        var output = new StringWriter();
        Assert.Equal(0, DemoDataCommand.Run(["--initiatives", "60", "--seed", "3"], _factory.DatabasePath, TestPaths.Questionnaires, output, output));
        Assert.Equal(0, Commands.Run(["add-office-user", "anna", "--password-stdin", "--database", _factory.DatabasePath], output, output, stdin: new StringReader(Password)));
        _app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string name = "anna", string password = Password) =>
        client.LoginAsync(name, password);

    private static string Error(IHtmlDocument page) => page.QuerySelector(".error-summary")!.TextContent.Trim();

    [Theory]
    [InlineData("/servicestelle")]
    [InlineData("/servicestelle?leitfaden=wirkung-entfalten&handler=Export&format=csv")]
    [InlineData("/servicestelle?leitfaden=wirkung-entfalten&handler=Export&format=json")]
    [InlineData("/servicestelle?leitfaden=wirkung-entfalten&handler=Codebook&format=json")]
    public async Task Every_office_page_and_export_refuses_anonymous_requests(string url)
    {
        var response = await Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/servicestelle/anmelden", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_name_say_the_same_and_five_failures_lock_nothing()
    {
        var client = Client();

        var wrong = Error(await (await LoginAsync(client, password: "falsch")).ParseAsync());
        Assert.Equal(wrong, Error(await (await LoginAsync(client, name: "niemand")).ParseAsync()));
        Assert.StartsWith("Die Anmeldung hat nicht geklappt.", wrong, StringComparison.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            await LoginAsync(client, password: "falsch");
        }

        Assert.Equal("/servicestelle", (await LoginAsync(client)).Location());
    }

    [Fact]
    public async Task Logging_in_opens_the_dashboard_and_logging_out_closes_it()
    {
        var client = Client();

        Assert.Equal("/servicestelle", (await LoginAsync(client)).Location());
        var dashboard = await client.PageAsync("/servicestelle");
        Assert.Equal("Anonyme Auswertung", dashboard.QuerySelector("h1")!.TextContent);
        Assert.Contains("Demo-Initiativen", dashboard.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        var logout = await client.SubmitAsync(dashboard.Form("form[action*=Logout]"));
        Assert.Equal("/servicestelle/anmelden?notice=LoggedOut", logout.Location());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/servicestelle")).StatusCode);
    }

    [Fact]
    public async Task The_session_expires_after_half_an_hour_without_activity()
    {
        var client = Client();
        await LoginAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/servicestelle")).StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/servicestelle")).StatusCode);
    }

    [Fact]
    public async Task Filtering_below_k_shows_the_protection_message_on_screen_and_in_the_export()
    {
        var client = Client();
        await LoginAsync(client);
        const string query = "/servicestelle?leitfaden=wirkung-entfalten&region=ost&radius=lokal&rechtsform=gmbh";

        var page = await client.PageAsync(query);
        var csv = await client.GetStringAsync(query + "&handler=Export&format=csv");

        Assert.Equal("Keine Auswertung: zu wenige Initiativen für eine anonyme Auswertung.", page.QuerySelector(".refusal")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("table.figures"));
        Assert.DoesNotContain("\nfigure,", csv, StringComparison.Ordinal);
        Assert.Contains("selection,,,,,,,,,,,zu wenige Initiativen für eine anonyme Auswertung", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_box_plot_draws_its_box_from_p25_to_p75_on_the_axis_of_median_and_whiskers_under_ticks_and_a_legend()
    {
        var client = Client();
        await LoginAsync(client);
        const string query = "/servicestelle?leitfaden=wirkung-entfalten";

        var page = await client.PageAsync(query);
        var json = JsonDocument.Parse(await client.GetStringAsync(query + "&handler=Export&format=json")).RootElement;
        var released = json.GetProperty("figures").EnumerateArray()
            .Where(f => f.GetProperty("distribution").ValueKind == JsonValueKind.Object)
            .ToDictionary(f => f.GetProperty("label").GetString()!, f => f.GetProperty("distribution"));
        var table = page.QuerySelector("table.figures")!;
        static decimal At(AngleSharp.Dom.IElement e, string name) => decimal.Parse(e.GetAttribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
        static void Near(decimal expected, decimal actual) => Assert.InRange(actual, expected - 0.05m, expected + 0.05m);

        var drawn = new List<(decimal Iqr, decimal Width)>();
        foreach (var row in table.QuerySelectorAll("tbody tr").Where(tr => tr.QuerySelector("svg.boxplot") is not null))
        {
            var d = released[row.QuerySelector("th")!.TextContent];
            decimal P(string name) => d.GetProperty(name).GetDecimal();
            var svg = row.QuerySelector("svg.boxplot")!;
            var box = svg.QuerySelector("rect.box")!;
            var whiskers = svg.QuerySelectorAll("line.whisker").ToList();
            Near(P("p25"), At(box, "x"));
            Near(Math.Max(0.6m, P("p75") - P("p25")), At(box, "width"));
            Near(P("median"), At(svg.QuerySelector("line.median")!, "x1"));
            Assert.InRange(At(svg.QuerySelector("line.median")!, "x1"), At(box, "x"), At(box, "x") + At(box, "width"));
            Near(P("p10"), At(whiskers[0], "x1"));
            Near(P("p90"), At(whiskers[0], "x2"));
            drawn.Add((P("p75") - P("p25"), At(box, "width")));
        }

        // Two boxes of different interquartile ranges: their widths in the ratio of those ranges.
        var narrow = drawn.MinBy(x => x.Iqr);
        var wide = drawn.MaxBy(x => x.Iqr);
        Assert.True(wide.Iqr > narrow.Iqr + 5, $"demo data spread too little: {narrow.Iqr} vs {wide.Iqr}");
        Assert.InRange(wide.Width / narrow.Width, wide.Iqr / narrow.Iqr * 0.98m, wide.Iqr / narrow.Iqr * 1.02m);

        Assert.Equal(["0", "25", "50", "75", "100"], table.QuerySelectorAll("thead .plot-axis .tick").Select(t => t.TextContent.Trim()));
        var legend = page.QuerySelector(".boxplot-legend")!.TextContent;
        Assert.Contains("Kasten: mittlere Hälfte", legend, StringComparison.Ordinal);
        Assert.Contains("Strich: Median", legend, StringComparison.Ordinal);
        Assert.Contains("Linien: 10 % bis 90 %", legend, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comparison_of_two_groups_draws_both_in_one_chart_per_part_on_one_axis_with_a_legend_naming_both_and_their_n()
    {
        var client = Client();
        await LoginAsync(client);
        const string query = "/servicestelle?leitfaden=wirkung-entfalten&vergleich=region&a=ost&b=west";

        var page = await client.PageAsync(query);
        var json = JsonDocument.Parse(await client.GetStringAsync(query + "&handler=Export&format=json")).RootElement;
        var groups = json.GetProperty("compare").EnumerateArray().ToList();
        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.Equal(JsonValueKind.Number, g.GetProperty("initiatives").ValueKind));
        var table = Assert.Single(page.QuerySelectorAll("table.compare-figures"));
        Assert.Empty(page.QuerySelectorAll(".compare table.figures")); // no longer two small tables side by side
        static decimal At(AngleSharp.Dom.IElement e, string name) => decimal.Parse(e.GetAttribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
        static void Near(decimal expected, decimal actual) => Assert.InRange(actual, expected - 0.05m, expected + 0.05m);

        // One legend names both groups with their number of initiatives, in the styles the chart draws them with.
        var legend = page.QuerySelector(".compare-legend")!;
        foreach (var (g, mark) in groups.Zip(new[] { "a", "b" }))
        {
            var item = legend.QuerySelector($"li.{mark}")!;
            Assert.NotNull(item.QuerySelector($"svg rect.box.{mark}"));
            Assert.Contains(g.GetProperty("label").GetString()!, item.TextContent, StringComparison.Ordinal);
            Assert.Contains($"{g.GetProperty("initiatives").GetInt32()} Initiativen", item.TextContent, StringComparison.Ordinal);
        }

        var parts = table.QuerySelectorAll("tbody").ToList();
        var labels = groups[0].GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("label").GetString()).ToList();
        Assert.Equal(labels, parts.Select(p => p.QuerySelector("th[scope=rowgroup]")!.TextContent));
        var drawn = new List<(decimal Iqr, decimal Width)>();
        var suppressed = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var svg = Assert.Single(parts[i].QuerySelectorAll("td.plot svg")); // both groups in one chart on one axis
            Assert.True(svg.ClassList.Contains("boxplot"));
            Assert.Equal("0 0 100 26", svg.GetAttribute("viewBox"));
            foreach (var (g, mark) in groups.Zip(new[] { "a", "b" }))
            {
                var figure = g.GetProperty("figures")[i];
                var row = parts[i].QuerySelector($"tr.{mark}")!;
                if (figure.GetProperty("distribution") is not { ValueKind: JsonValueKind.Object } d)
                {
                    // Only released figures are drawn; a withheld one says so in words.
                    Assert.Null(svg.QuerySelector($"rect.box.{mark}"));
                    Assert.Equal(figure.GetProperty("refusal").GetString(), row.QuerySelector(".suppressed")!.TextContent.Trim());
                    suppressed++;
                    continue;
                }

                decimal P(string name) => d.GetProperty(name).GetDecimal();
                var box = svg.QuerySelector($"rect.box.{mark}")!;
                Near(P("p25"), At(box, "x"));
                Near(Math.Max(0.6m, P("p75") - P("p25")), At(box, "width"));
                Near(P("median"), At(svg.QuerySelector($"line.median.{mark}")!, "x1"));
                if (d.GetProperty("p10").ValueKind == JsonValueKind.Null)
                {
                    Assert.Null(svg.QuerySelector($"line.whisker.{mark}")); // too few for the outer deciles: no whiskers
                }
                else
                {
                    var whisker = svg.QuerySelector($"line.whisker.{mark}")!;
                    Near(P("p10"), At(whisker, "x1"));
                    Near(P("p90"), At(whisker, "x2"));
                }
                Assert.Equal(d.GetProperty("n").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("td.n")!.TextContent.Trim());
                drawn.Add((P("p75") - P("p25"), At(box, "width")));
            }

            // The two rows of a part lie in two bands of the same chart, A above B.
            if (svg.QuerySelector("rect.box.a") is { } a && svg.QuerySelector("rect.box.b") is { } b)
            {
                Assert.True(At(a, "y") + At(a, "height") <= At(b, "y"));
            }
        }

        Assert.True(drawn.Count >= parts.Count, "most figures of both groups are released");
        Assert.InRange(suppressed, 0, parts.Count);
        var narrow = drawn.MinBy(x => x.Iqr);
        var wide = drawn.MaxBy(x => x.Iqr);
        Assert.True(wide.Iqr > narrow.Iqr + 5, $"demo data spread too little: {narrow.Iqr} vs {wide.Iqr}");
        Assert.InRange(wide.Width / narrow.Width, wide.Iqr / narrow.Iqr * 0.98m, wide.Iqr / narrow.Iqr * 1.02m);
        Assert.Equal(["0", "25", "50", "75", "100"], table.QuerySelectorAll("thead .plot-axis .tick").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task A_comparison_with_a_group_too_small_draws_only_the_other_and_says_so_in_words()
    {
        var client = Client();
        await LoginAsync(client);
        const string query = "/servicestelle?leitfaden=wirkung-entfalten&vergleich=gruendung&a=2010-2017&b=vor-2000";

        var page = await client.PageAsync(query);
        var json = JsonDocument.Parse(await client.GetStringAsync(query + "&handler=Export&format=json")).RootElement;
        var groups = json.GetProperty("compare").EnumerateArray().ToList();
        var withheld = groups.FindIndex(g => g.GetProperty("initiatives").ValueKind == JsonValueKind.Null);
        Assert.True(withheld >= 0, "one group of the demo network is below k");
        var mark = withheld == 0 ? "a" : "b";

        var item = page.QuerySelector($".compare-legend li.{mark}")!;
        Assert.Contains(groups[withheld].GetProperty("label").GetString()!, item.TextContent, StringComparison.Ordinal);
        Assert.Contains(groups[withheld].GetProperty("refusal").GetString()!, item.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Initiativen)", item.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll($"table.compare-figures rect.box.{mark}, table.compare-figures tr.{mark}"));
        var other = withheld == 0 ? "b" : "a";
        var charts = page.QuerySelectorAll("table.compare-figures td.plot svg").ToList();
        Assert.NotEmpty(charts);
        Assert.All(charts, svg => Assert.Equal("0 0 100 13", svg.GetAttribute("viewBox"))); // one band, for the group shown
        Assert.Contains(charts, svg => svg.QuerySelector($"rect.box.{other}") is { } box && decimal.Parse(box.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture) < 13);
    }

    [Theory]
    [InlineData("/servicestelle?leitfaden=wirkung-entfalten&aufteilen=ausrichtung")]
    [InlineData("/servicestelle?leitfaden=wirkung-entfalten&vergleich=region&a=ost&b=west")]
    [InlineData("/servicestelle/codes")]
    public async Task Every_table_of_an_office_page_sits_in_a_scroll_box_of_its_own_that_the_keyboard_reaches(string url)
    {
        var client = Client();
        await LoginAsync(client);

        var page = await client.PageAsync(url);

        Assert.All(page.QuerySelectorAll("main table"), table =>
        {
            var box = table.ParentElement!;
            Assert.True(box.ClassList.Contains("table-scroll"), table.OuterHtml[..Math.Min(80, table.OuterHtml.Length)]);
            Assert.Equal("0", box.GetAttribute("tabindex"));
            Assert.Equal("region", box.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(box.GetAttribute("aria-label")));
        });
        if (url.Contains("vergleich", StringComparison.Ordinal))
        {
            Assert.True(page.QuerySelectorAll("main table").Length >= 4); // counts, all, the comparison, the years
        }
    }

    [Fact]
    public async Task The_german_csv_has_a_bom_semicolons_decimal_commas_and_labels_beside_the_codes()
    {
        var client = Client();
        await LoginAsync(client);
        const string query = "/servicestelle?leitfaden=wirkung-entfalten&aufteilen=ausrichtung";

        var page = await client.PageAsync(query);
        var href = page.QuerySelectorAll("a").Single(a => a.TextContent == "CSV für Excel (deutsch)").GetAttribute("href")!;
        var response = await client.GetAsync(href);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var plain = await client.GetStringAsync(query + "&handler=Export&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("servicestelle-wirkung-entfalten-de.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Teil (Code);Teil;Gruppe;Code;Bezeichnung;n;P10;P25;Median;P75;P90;Prozent;Hinweis\r\n", text, StringComparison.Ordinal);
        static List<string[]> Rows(string csv, char separator)
        {
            using var reader = CsvHelper.CsvReader.Create(new StringReader(csv), CsvHelper.CsvReaderOptions.Default with { HasHeader = false, Separator = separator });
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
            }

            return rows;
        }

        var german = Rows(text, ';');
        var invariant = Rows(plain, ',');
        Assert.Equal(invariant.Count, german.Count);
        Assert.All(german, r => Assert.Equal(13, r.Length));
        for (var i = 1; i < german.Count; i++)
        {
            // The codes and texts of the plain CSV, a German label beside the part, numbers with a decimal comma.
            Assert.Equal(invariant[i][0], german[i][0]);
            Assert.Equal(invariant[i][1..4], german[i][2..5]);
            Assert.Equal(invariant[i][4..11].Select(v => v.Replace('.', ',')), german[i][5..12]);
            Assert.Equal(invariant[i][11], german[i][12]);
        }

        Assert.Equal("Alle ausgewählten Initiativen", german.First(r => r[0] == "figure")[1]);
        Assert.Equal("Aufteilung", german.First(r => r[0] == "split")[1]);
        Assert.Equal("Häufigste Entwicklungsfelder", german.First(r => r[0] == "weakness")[1]);
        Assert.Contains(german, r => r[5..12].Any(v => Regex.IsMatch(v, @"^\d+,\d+$")));
        Assert.DoesNotContain(german, r => r[5..12].Any(v => v.Contains('.', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_csv_and_json_exports_hold_exactly_the_figures_on_the_screen()
    {
        var client = Client();
        await LoginAsync(client);
        const string query = "/servicestelle?leitfaden=wirkung-entfalten&aufteilen=ausrichtung";

        var page = await client.PageAsync(query);
        using var reader = CsvHelper.CsvReader.Create(new StringReader(await client.GetStringAsync(query + "&handler=Export&format=csv")));
        var csv = new List<string[]>();
        while (reader.Read())
        {
            csv.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        var json = JsonDocument.Parse(await client.GetStringAsync(query + "&handler=Export&format=json")).RootElement;

        var screen = page.QuerySelectorAll("table.figures").First().QuerySelectorAll("tbody tr")
            .Select(tr => (Label: tr.QuerySelector("th")!.TextContent, Cells: tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()))
            .ToList();
        var rows = csv.Where(r => r[0] == "figure").ToList();
        var figures = json.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(screen.Count, rows.Count);
        Assert.Equal(screen.Count, figures.Count);
        var withheld = 0;
        for (var i = 0; i < screen.Count; i++)
        {
            var d = figures[i].GetProperty("distribution");
            Assert.Equal(screen[i].Label, figures[i].GetProperty("label").GetString());
            if (d.ValueKind == JsonValueKind.Null)
            {
                // A section routed to some types or phases only can have too few initiatives: withheld alike everywhere.
                Assert.Single(screen[i].Cells);
                Assert.Equal(screen[i].Cells[0], rows[i][11]);
                Assert.Equal(screen[i].Cells[0], figures[i].GetProperty("refusal").GetString());
                Assert.All(rows[i][4..11], Assert.Empty);
                withheld++;
                continue;
            }

            Assert.Equal(screen[i].Cells[1], rows[i][4]);                                   // n, beside the plot
            Assert.Equal(screen[i].Cells[1], d.GetProperty("n").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(screen[i].Cells[2], decimal.Parse(rows[i][7], System.Globalization.CultureInfo.InvariantCulture).ToString("0", SelfEval.Scoring.Profile.Format.German)); // median
            Assert.Equal(d.GetProperty("median").GetDecimal(), decimal.Parse(rows[i][7], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.InRange(withheld, 0, screen.Count - 2); // most figures are released and compared number by number

        var splitOnScreen = page.QuerySelectorAll("h3").Select(h => h.TextContent).Where(t => t.Contains("Initiativen)", StringComparison.Ordinal)).Count();
        Assert.Equal(splitOnScreen, json.GetProperty("split").EnumerateArray().Count(g => g.GetProperty("initiatives").ValueKind == JsonValueKind.Number));
    }

    [Fact]
    public async Task No_name_free_text_label_or_link_of_an_initiative_appears_on_any_office_page_or_export()
    {
        var (coordinator, secrets) = await RealInitiativeAsync(optIn: true);
        var client = Client();
        await LoginAsync(client);
        var urls = new List<string> { "/servicestelle", "/servicestelle?leitfaden=sich-gut-aufstellen" };
        foreach (var guide in new[] { "sich-gut-aufstellen", "wirkung-entfalten" })
        {
            foreach (var dimension in _app.Services.GetRequiredService<SelfEval.Web.Questionnaires.QuestionnaireCatalog>().Comparison.Dimensions.Select(d => d.Key))
            {
                urls.Add($"/servicestelle?leitfaden={guide}&aufteilen={dimension}");
            }

            urls.Add($"/servicestelle?leitfaden={guide}&vergleich=phase&a=etabliert&b=aufbau");
            urls.Add($"/servicestelle?leitfaden={guide}&handler=Codebook&format=csv");
            urls.Add($"/servicestelle?leitfaden={guide}&handler=Codebook&format=json");
        }

        urls.AddRange(urls.Where(u => !u.Contains("handler", StringComparison.Ordinal)).SelectMany(u => new[] { u + "&handler=Export&format=csv", u + "&handler=Export&format=json" }).ToList());
        foreach (var url in urls.Select(u => u.Replace("/servicestelle&", "/servicestelle?", StringComparison.Ordinal)))
        {
            var body = await client.GetStringAsync(url);
            foreach (var secret in secrets.Append(coordinator).Append("Demo-Initiative 0"))
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{url} shows '{secret}'");
            }
        }
    }

    [Fact]
    public async Task Opting_out_removes_an_initiative_from_every_snapshot_while_published_figures_stay_without_revealing_it()
    {
        var (coordinator, _) = await RealInitiativeAsync(optIn: true, code: true);
        var client = Client();
        await LoginAsync(client);
        JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
        var before = Json(await client.GetStringAsync("/servicestelle?leitfaden=sich-gut-aufstellen&handler=Export&format=json"));
        var snapshots = _app.Services.GetRequiredService<SnapshotStore>();
        var roundId = _app.Services.GetRequiredService<SelfEval.Web.Assessments.AssessmentStore>().GetRounds(
            _app.Services.GetRequiredService<SelfEval.Web.Assessments.AssessmentStore>().FindByCoordinatorToken(coordinator)!.Id)[0].Id;
        Assert.Contains(snapshots.Latest()!.Rounds, r => r.RoundId == roundId);

        var owner = Client();
        var page = await owner.PageAsync($"/k/{coordinator}");
        await owner.SubmitAsync(page.Form("form[action*=Comparison]"), new Dictionary<string, string[]> { ["optIn"] = ["false"] });

        Assert.DoesNotContain(snapshots.Latest()!.Rounds, r => r.RoundId == roundId);
        var after = Json(await client.GetStringAsync("/servicestelle?leitfaden=sich-gut-aufstellen&handler=Export&format=json"));

        // One initiative fewer would reveal it by difference: the published figure stays, marked with its date.
        Assert.Equal(before.GetProperty("selectedInitiatives").GetInt32(), after.GetProperty("selectedInitiatives").GetInt32());
        Assert.Equal(before.GetProperty("figures")[0].GetProperty("distribution").GetRawText(), after.GetProperty("figures")[0].GetProperty("distribution").GetRawText());
        Assert.Equal(JsonValueKind.String, after.GetProperty("releasedEarlier").ValueKind);
    }

    [Fact]
    public async Task The_team_profile_pdf_places_each_section_against_comparable_initiatives()
    {
        var (coordinator, _) = await RealInitiativeAsync(optIn: true, code: true);

        var pdf = await Client().GetByteArrayAsync($"/k/{coordinator}/ergebnis?runde=1&handler=Pdf");
        var text = PdfText.Flat(PdfText.Read(pdf));

        Assert.Contains("Im Vergleich mit ähnlichen Initiativen", text, StringComparison.Ordinal);
        Assert.Matches("Verglichen mit (alle )?Initiativen mit „Sich gut aufstellen“", text);
        Assert.Matches(@"Stand der Vergleichszahlen: \d{1,2}\. \w+ \d{4}\.", text);
        Assert.Matches(@"\d+ · (unteres Viertel|Mittelfeld|oberes Viertel)", text);
    }

    [Fact]
    public async Task Without_a_comparison_code_the_profile_explains_how_to_get_one()
    {
        var (coordinator, _) = await RealInitiativeAsync(optIn: true);

        var page = await Client().PageAsync($"/k/{coordinator}/ergebnis?runde=1");

        Assert.Equal(SelfEval.Web.Reports.ProfileTexts.BenchmarkNeedsCode, page.QuerySelector(".benchmark .note")!.TextContent);
    }

    [Fact]
    public async Task Without_k_comparable_initiatives_the_profile_says_so()
    {
        using var empty = SelfEvalFactory.WithProductionGuides();
        var client = empty.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (coordinator, _) = await RealInitiativeAsync(optIn: true, client, code: true, services: empty.Services);

        var page = await client.PageAsync($"/k/{coordinator}/ergebnis?runde=1");

        Assert.Equal(
            "Für einen Vergleich gibt es noch zu wenige vergleichbare Initiativen: Er braucht mindestens 5, die mit einem Vergleichscode teilnehmen und ihre Ergebnisse anonym teilen.",
            page.QuerySelector(".benchmark .note")!.TextContent);
    }

    [Fact]
    public void Demo_data_refuses_a_database_with_real_assessments_unless_asked_to_mix()
    {
        using (var connection = _factory.Database.Open())
        {
            connection.Execute("UPDATE assessments SET is_demo = 0 WHERE id = 1");
        }

        var output = new StringWriter();
        Assert.Equal(1, DemoDataCommand.Run(["--initiatives", "2"], _factory.DatabasePath, TestPaths.Questionnaires, output, output));
        Assert.Contains("echte Selbstevaluationen", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, DemoDataCommand.Run(["--initiatives", "2", "--mix"], _factory.DatabasePath, TestPaths.Questionnaires, output, output));
    }

    [Theory]
    [InlineData("kurz", 1, "Das Passwort muss mindestens 12 Zeichen lang sein. Es wurde nichts geändert.")]
    [InlineData("", 1, "Das Passwort muss mindestens 12 Zeichen lang sein. Es wurde nichts geändert.")]
    public void Add_office_user_refuses_short_passwords(string password, int code, string message)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        Assert.Equal(code, Commands.Run(["add-office-user", "ben", "--password-stdin", "--database", _factory.DatabasePath], stdout, stderr, stdin: new StringReader(password)));
        Assert.Equal(message, stderr.ToString().Trim());
    }

    [Fact]
    public void Add_office_user_stores_only_a_hash()
    {
        using var connection = _factory.Database.Open();
        var hash = connection.ExecuteScalar<string>("SELECT password_hash FROM office_users WHERE name = 'anna'")!;

        Assert.DoesNotContain(Password, hash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal); // ASP.NET Core Identity v3 format
    }

    /// <summary>A real initiative through the web forms: a name, a team member's label, a free text, a closed round.</summary>
    private async Task<(string Coordinator, string[] Secrets)> RealInitiativeAsync(bool optIn, HttpClient? client = null, bool code = false, IServiceProvider? services = null)
    {
        var token = await Attacks.Initiatives.CreateAsync(
            client ?? Client(), "Initiative Geheimnisvoll", level: 0, code: code ? Attacks.Initiatives.Code(services ?? _app.Services) : null,
            phase: "gruendung", rechtsform: "ohne", coordinatorName: "Bertha Beispielfrau", text: "Unser vertrauliches Vorhaben", optIn: optIn, guide: ProductionGuides.Aufstellen);
        return (token, ["Geheimnisvoll", "Bertha", "vertrauliches"]);
    }

    [Fact]
    public async Task A_new_snapshot_and_logging_out_are_told_by_a_named_notice_and_the_old_words_still_work()
    {
        var client = Client();
        await LoginAsync(client);
        var published = await client.SubmitAsync((await client.PageAsync("/servicestelle")).Form("form[action*=Publish]"));

        Assert.Equal("/servicestelle?notice=Published", published.Location());
        foreach (var url in new[] { published.Location(), "/servicestelle?hinweis=veroeffentlicht" })
        {
            Assert.Equal(OfficeTexts.SnapshotPublished, (await client.PageAsync(url)).QuerySelector("[data-notice=Published]")?.TextContent);
        }

        Assert.Null((await client.PageAsync("/servicestelle")).QuerySelector("[data-notice]"));
        var logout = await client.SubmitAsync((await client.PageAsync("/servicestelle")).Form("form[action*=Logout]"));
        Assert.Equal("/servicestelle/anmelden?notice=LoggedOut", logout.Location());
        foreach (var url in new[] { logout.Location(), "/servicestelle/anmelden?abgemeldet=1" })
        {
            Assert.Equal("Sie sind abgemeldet.", (await client.PageAsync(url)).QuerySelector("[data-notice=LoggedOut]")?.TextContent);
        }
    }
}
