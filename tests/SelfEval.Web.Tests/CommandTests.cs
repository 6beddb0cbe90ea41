using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using SelfEval.Web.Cli;

namespace SelfEval.Web.Tests;

public sealed class CommandTests
{
    private static (int Code, string Out, string Err) Run(string callerFolder, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Commands.Run(args, stdout, stderr, callerFolder, TestPaths.Questionnaires);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Validate_accepts_the_repository_folder()
    {
        var (code, stdout, stderr) = Run(TestPaths.Repository, "validate", "questionnaires/");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("4 Datei(en) geprüft: keine Fehler.", stderr.Trim());
    }

    [Fact]
    public void Validate_reports_a_guide_pasted_twice_with_paths_as_typed_and_exits_1()
    {
        using var folder = TestPaths.NewTempFolder();
        var text = File.ReadAllText(Path.Combine(TestPaths.Questionnaires, "sich-gut-aufstellen.md"));
        File.WriteAllText(folder.File("kopie.md"), text + text);
        var firstLines = text.Split('\n').Length - 1;

        var (code, stdout, _) = Run(folder.Path, "validate", "kopie.md");

        Assert.Equal(1, code);
        var lines = Lines(stdout);
        Assert.Equal($"kopie.md:{firstLines + 1}: Hier beginnt ein zweites Front Matter ('---' gefolgt von Angaben wie 'id:'). Eine Datei enthält genau einen Fragebogen – wurde sie versehentlich doppelt eingefügt?", lines[0]);
        Assert.True(lines.Length > 40, $"only {lines.Length} errors");
        Assert.All(lines[1..], l => Assert.Matches(@"^kopie\.md:\d+: Die (Abschnitts|Fragen)-ID '[a-z0-9-]+' ist doppelt \(zuerst in Zeile \d+\)\.$", l));
    }

    [Fact]
    public void Validate_of_a_folder_without_profile_names_the_folder()
    {
        using var folder = TestPaths.NewTempFolder();
        File.Copy(Path.Combine(TestPaths.Questionnaires, "angebote.md"), folder.File("angebote.md"));
        File.Copy(Path.Combine(TestPaths.Questionnaires, "wirkung-entfalten.md"), folder.File("wirkung-entfalten.md"));
        Directory.CreateDirectory(folder.File("leitfaeden"));

        var (code, stdout, _) = Run(folder.Path, "validate", "leitfaeden/../");

        Assert.Equal(1, code);
        Assert.Contains(".:0: Im Ordner fehlt die Profildatei (kind: profile, üblich profil.md): Ohne sie kann keine Initiative einen Fragebogen beginnen.", Lines(stdout));
    }

    [Fact]
    public void Validate_of_a_folder_names_every_questionnaire_that_would_never_be_loaded()
    {
        using var folder = TestPaths.NewTempFolder();
        // Both guides: the catalogue's 'Leitfäden' offer names them (guide:), so a folder without one is reported too.
        foreach (var file in new[] { "profil.md", "angebote.md", "wirkung-entfalten.md", "sich-gut-aufstellen.md", "FORMAT.md" })
        {
            File.Copy(Path.Combine(TestPaths.Questionnaires, file), folder.File(file));
        }

        var guide = File.ReadAllText(Path.Combine(TestPaths.Questionnaires, "sich-gut-aufstellen.md"));
        File.WriteAllText(folder.File("Neu.md"), guide);
        File.WriteAllText(folder.File("Überarbeitung.md"), guide);
        File.WriteAllText(folder.File("x.MD"), guide);
        File.WriteAllText(folder.File("x.markdown"), guide);
        Directory.CreateDirectory(folder.File("entwuerfe"));
        File.WriteAllText(Path.Combine(folder.File("entwuerfe"), "alt.md"), guide);

        var (code, stdout, _) = Run(folder.Path, "validate", ".");

        Assert.Equal(1, code);
        Assert.Equal(
        [
            "Neu.md:1: Diese Datei wird nie geladen: Namen von Fragebögen beginnen mit einem Kleinbuchstaben oder einer Ziffer (groß geschriebene wie FORMAT.md gelten als Dokumentation). Benennen Sie sie um, z. B. in 'neu.md'.",
            "entwuerfe:0: Der Unterordner wird nicht gelesen; diese Fragebögen darin werden nie geladen: alt.md. Fragebögen liegen direkt im Ordner; Entwürfe und Archiv bewahren Sie außerhalb auf.",
            "x.MD:1: Diese Datei wird nie geladen: Fragebögen enden auf '.md' (klein geschrieben). Benennen Sie sie um, z. B. in 'x.md'.",
            "x.markdown:1: Diese Datei wird nie geladen: Fragebögen enden auf '.md' (klein geschrieben). Benennen Sie sie um, z. B. in 'x.md'.",
            "Überarbeitung.md:1: Diese Datei wird nie geladen: Namen von Fragebögen beginnen mit einem Kleinbuchstaben oder einer Ziffer (groß geschriebene wie FORMAT.md gelten als Dokumentation). Benennen Sie sie um, z. B. in 'überarbeitung.md'.",
        ], Lines(stdout));
    }

    [Fact]
    public void Validate_checks_a_copy_outside_the_folder_against_the_services_profile_and_offers()
    {
        using var folder = TestPaths.NewTempFolder();
        File.Copy(Path.Combine(TestPaths.Questionnaires, "wirkung-entfalten.md"), folder.File("entwurf.md"));

        var (code, stdout, _) = Run(folder.Path, "validate", "entwurf.md");

        Assert.Equal(string.Empty, stdout);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Validate_with_several_arguments_reports_each_and_a_missing_path()
    {
        var (code, stdout, stderr) = Run(TestPaths.Repository, "validate", "questionnaires/profil.md", "questionnaires/fehlt.md");

        Assert.Equal(1, code);
        Assert.Equal(["questionnaires/fehlt.md: Datei oder Ordner nicht gefunden."], Lines(stdout));
        Assert.Equal("1 Datei(en) geprüft: 1 Fehler.", stderr.Trim());
    }

    [Fact]
    public void Validate_without_arguments_prints_its_usage_and_exits_2()
    {
        var (code, _, stderr) = Run(TestPaths.Repository, "validate");

        Assert.Equal(2, code);
        Assert.Equal("Aufruf: validate <datei-oder-ordner>...", stderr.Trim());
    }

    [Fact]
    public void Codebook_json_describes_every_question_field_by_field()
    {
        var (code, stdout, stderr) = Run(Path.GetDirectoryName(TestPaths.Fixture("minimal.md"))!, "codebook", "minimal.md");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(["id", "version", "hash", "title", "sections", "comparison"], root.EnumerateObject().Select(p => p.Name));
        Assert.Empty(root.GetProperty("comparison").EnumerateArray()); // the fixture profile declares no comparison groups
        Assert.Equal("mini", root.GetProperty("id").GetString());
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("hash").GetString());
        Assert.Equal("Mini-Leitfaden", root.GetProperty("title").GetString());
        var sections = root.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["profil", "ziele", "finanzen"], sections.Select(s => s.GetProperty("id").GetString()));

        var scale = sections[1].GetProperty("questions")[0];
        Assert.Equal(
            ["id", "text", "type", "required", "scored", "allowsNotRelevant", "aspect", "dimension", "weight", "options", "condition",
             "measures", "allowsDontKnow", "reverse", "min", "max", "offers"],
            scale.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ziele-gemeinsam", scale.GetProperty("id").GetString());
        Assert.Equal("Haben Sie gemeinsame Ziele?", scale.GetProperty("text").GetString());
        Assert.Equal("scale", scale.GetProperty("type").GetString());
        Assert.True(scale.GetProperty("required").GetBoolean());
        Assert.True(scale.GetProperty("scored").GetBoolean());
        Assert.False(scale.GetProperty("allowsNotRelevant").GetBoolean());
        Assert.Equal("einigkeit", scale.GetProperty("aspect").GetString());
        Assert.Equal("innen", scale.GetProperty("dimension").GetString());
        Assert.Equal(2m, scale.GetProperty("weight").GetDecimal());
        Assert.Equal(
            [("0", "nicht vorhanden"), ("2", "teilweise"), ("4", "vollständig")],
            scale.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("value").GetString(), o.GetProperty("label").GetString())));
        Assert.Equal(JsonValueKind.Null, scale.GetProperty("condition").ValueKind);

        var yesno = sections[1].GetProperty("questions")[1];
        Assert.Equal("yesno", yesno.GetProperty("type").GetString());
        Assert.True(yesno.GetProperty("allowsNotRelevant").GetBoolean());
        Assert.Equal("phase = gruendung", yesno.GetProperty("condition").GetString());
        Assert.Equal(["ja", "teilweise", "nein"], yesno.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()));

        var text = sections[2].GetProperty("questions")[1];
        Assert.Equal("longtext", text.GetProperty("type").GetString());
        Assert.False(text.GetProperty("scored").GetBoolean());
        Assert.Equal(JsonValueKind.Null, text.GetProperty("aspect").ValueKind);
        Assert.Equal(JsonValueKind.Null, text.GetProperty("dimension").ValueKind);
        Assert.Empty(text.GetProperty("options").EnumerateArray());
        Assert.Equal("phase in gruendung, etabliert und gruendungsjahr >= 2000", text.GetProperty("condition").GetString());

        var name = sections[0].GetProperty("questions")[0];
        Assert.Equal("name", name.GetProperty("id").GetString());
        Assert.False(name.GetProperty("scored").GetBoolean());
    }

    [Fact]
    public void Codebook_json_lists_the_comparison_groups_declared_in_the_profile()
    {
        var (code, stdout, stderr) = Run(TestPaths.Repository, "codebook", "questionnaires/wirkung-entfalten.md");

        Assert.True(code == 0, stderr);
        var comparison = JsonDocument.Parse(stdout).RootElement.GetProperty("comparison").EnumerateArray().ToList();
        Assert.Equal(
            [("phase", "Phase", "phase"), ("ausrichtung", "Ausrichtung", "ausrichtung"), ("rechtsform", "Rechtsform", "rechtsform"), ("region", "Region", "land"), ("radius", "Aktionsradius", "radius"), ("gruendung", "Gründungszeitraum", "gruendungsjahr")],
            comparison.Select(d => (d.GetProperty("key").GetString(), d.GetProperty("label").GetString(), d.GetProperty("question").GetString())));
        var ohne = comparison[2].GetProperty("groups")[0];
        Assert.Equal(["value", "label", "options", "from", "to"], ohne.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ohne-eigene", "ohne eigene Rechtsform"), (ohne.GetProperty("value").GetString(), ohne.GetProperty("label").GetString()));
        Assert.Equal(["ohne", "dach", "projekt"], ohne.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(JsonValueKind.Null, ohne.GetProperty("from").ValueKind);
        var years = comparison[5].GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("value").GetString(), g.GetProperty("from").ValueKind == JsonValueKind.Null ? (decimal?)null : g.GetProperty("from").GetDecimal(), g.GetProperty("to").ValueKind == JsonValueKind.Null ? (decimal?)null : g.GetProperty("to").GetDecimal()));
        Assert.Equal([("vor-2000", null, 1999m), ("2000-2009", 2000m, 2009m), ("2010-2017", 2010m, 2017m), ("ab-2018", 2018m, null)], years);
        Assert.All(comparison[5].GetProperty("groups").EnumerateArray(), g => Assert.Empty(g.GetProperty("options").EnumerateArray()));
    }

    [Fact]
    public void Codebook_csv_has_one_row_per_question()
    {
        var (code, stdout, _) = Run(TestPaths.Repository, "codebook", "questionnaires/wirkung-entfalten.md", "--format", "csv");

        Assert.Equal(0, code);
        using var reader = CsvReader.Create(new StringReader(stdout));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
        }

        var (_, json, _) = Run(TestPaths.Repository, "codebook", "questionnaires/wirkung-entfalten.md");
        var questions = JsonDocument.Parse(json).RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("questions").EnumerateArray()).ToList();
        Assert.Equal(questions.Count, rows.Count);
        Assert.Equal(questions.Select(q => q.GetProperty("id").GetString()), rows.Select(r => r[4]));
        Assert.All(rows, r => Assert.Equal("wirkung-entfalten", r[0]));
    }

    [Fact]
    public void Codebook_of_a_broken_file_prints_the_errors_and_exits_1()
    {
        var (code, stdout, stderr) = Run(Path.GetDirectoryName(TestPaths.Fixture("minimal.md"))!, "codebook", "unknown-type.md");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("unknown-type.md:70: Unbekannter Fragetyp 'freitext'.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_command_works_as_typed_from_the_repository_root()
    {
        // Exactly the README's line: dotnet run starts the program in the project folder, so this
        // proves that relative paths are taken from the caller's folder and stdout stays clean.
        var start = new ProcessStartInfo("dotnet", ["run", "--project", "src/SelfEval.Web", "--no-build", "--", "codebook", "questionnaires/sich-gut-aufstellen.md", "--format", "json"])
        {
            WorkingDirectory = TestPaths.Repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PWD"] = TestPaths.Repository;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        using var json = JsonDocument.Parse(await stdout);
        Assert.Equal("sich-gut-aufstellen", json.RootElement.GetProperty("id").GetString());
    }
}
