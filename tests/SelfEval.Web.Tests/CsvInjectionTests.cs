using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfEval.Web.Infrastructure;

namespace SelfEval.Web.Tests;

/// <summary>Text people typed reaches a spreadsheet as text, never as a formula; the JSON keeps it exactly.</summary>
public sealed class CsvInjectionTests : IDisposable
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
    private readonly SelfEvalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task AnswerAsync(HttpClient client, string link, string text)
    {
        var page = await client.PageAsync($"{link}/{TestGuides.GoalsSection}");
        await client.SubmitAsync(page.Form("#antworten"), new Dictionary<string, string[]> { [$"q.{TestGuides.GoalsText}"] = [text] }, "go=bleiben");
    }

    [Fact]
    public async Task Names_labels_and_free_text_that_look_like_formulas_are_text_cells_in_the_csv_and_exact_in_the_json()
    {
        var client = Client();
        var start = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        var created = await client.SubmitAsync(start.Form("form.answer-form"), new Dictionary<string, string[]>
        {
            ["q.name"] = ["-Initiative Minus"], ["q.phase"] = ["gruendung"], ["q.test-startjahr"] = ["2024"], ["CoordinatorName"] = ["@Anna"],
        });
        var token = created.Location()[3..46];
        await AnswerAsync(client, $"/a/{token}", "+1");
        var invite = new Uri(((IHtmlInputElement)(await client.PageAsync($"/k/{token}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;
        var member = Client();
        var joined = await member.SubmitAsync((await member.PageAsync(invite)).Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = [Hyperlink], ["Sharing"] = ["name"] });
        await AnswerAsync(member, joined.Location()[..46], "@SUM(A1)");

        var csv = await client.GetStringAsync($"/k/{token}/export?runde=1&format=csv");
        using var reader = CsvHelper.CsvReader.Create(new StringReader(csv), CsvHelper.CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        var header = rows[0].ToList();
        string Cell(int row, string column) => rows[row][header.IndexOf(column)];
        Assert.Equal(["'@Anna", "'" + Hyperlink], new[] { Cell(1, "respondent"), Cell(2, "respondent") });
        Assert.Equal(["'+1", "'@SUM(A1)"], new[] { Cell(1, TestGuides.GoalsText), Cell(2, TestGuides.GoalsText) });
        Assert.Equal("'+1\n\n@SUM(A1)", Cell(3, TestGuides.GoalsText)); // the team's row, texts sorted
        Assert.Equal("'-Initiative Minus", Cell(1, "name"));
        Assert.Equal("2024", Cell(1, "test-startjahr"));
        Assert.Equal("1", Cell(1, "round"));

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/k/{token}/export?runde=1&format=json"));
        var people = json.RootElement.GetProperty("respondents").EnumerateArray().ToList();
        Assert.Equal("-Initiative Minus", json.RootElement.GetProperty("initiative").GetProperty("name").GetString());
        Assert.Equal(["@Anna", Hyperlink], people.Select(p => p.GetProperty("label").GetString()));
        Assert.Equal(["+1", "@SUM(A1)"], people.Select(p => p.GetProperty("answers").GetProperty(TestGuides.GoalsText).GetString()));
    }

    [Fact]
    public void The_shared_writer_escapes_every_formula_start_and_leaves_numbers_alone()
    {
        var text = new StringWriter();
        using (var csv = Csv.Writer(text))
        {
            foreach (var field in new[] { "=1+1", "+1", "-1", "@A1", "\tTab", "\rCR", "harmlos" })
            {
                csv.WriteField(field);
            }

            csv.WriteField(-5m);
            csv.EndRecord();
        }

        Assert.Equal("\"'=1+1\",\"'+1\",\"'-1\",\"'@A1\",\"'\tTab\",\"'\rCR\",harmlos,-5\r\n", text.ToString());
    }

    [Fact]
    public void The_german_writer_escapes_every_formula_start_and_writes_numbers_with_a_decimal_comma()
    {
        var text = new StringWriter();
        using (var csv = Csv.GermanWriter(text))
        {
            foreach (var field in new[] { "=1+1", "+1", "-1", "@A1", "\tTab", "\rCR", "harmlos; mit Semikolon" })
            {
                csv.WriteField(field);
            }

            csv.WriteField(-5.5m);
            csv.EndRecord();
        }

        Assert.Equal("\"'=1+1\";\"'+1\";\"'-1\";\"'@A1\";\"'\tTab\";\"'\rCR\";\"harmlos; mit Semikolon\";-5,5\r\n", text.ToString());
    }

    [Fact]
    public void A_label_that_looks_like_a_formula_is_text_in_the_german_office_export()
    {
        var model = new SelfEval.Web.Office.DashboardModel(
            5, 0, DateTimeOffset.UnixEpoch, [], new SelfEval.Web.Office.DashboardQuery("leitfaden", new Dictionary<string, string>()), "Leitfaden", 12, null, null,
            [new SelfEval.Web.Office.Figure("ziele", Hyperlink, new SelfEval.Scoring.Statistics.Distribution(12, 37.5m, 50, 62.25m, 20, 80))],
            [], [], [new SelfEval.Web.Office.Frequency("f1", "-Fehlt", 40)], [], []);

        var bytes = SelfEval.Web.Office.DashboardExport.ToGermanCsv(model);

        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("figure;Alle ausgewählten Initiativen;;ziele;\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";12;20;37,5;50;62,25;80;;", lines[1]);
        Assert.Equal("weakness;Häufigste Entwicklungsfelder;;f1;\"'-Fehlt\";;;;;;;40;", lines[2]);
    }
}
