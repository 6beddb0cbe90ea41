using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Tests;

/// <summary>A broken questionnaire must stop the service before anyone answers it.</summary>
public sealed class StartupTests
{
    private static TempFolder BrokenCopy()
    {
        var folder = TestPaths.NewTempFolder();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Questionnaires, "*.md"))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        // Cut the guide in the middle of its front matter, as an interrupted copy would.
        var guide = folder.File("wirkung-entfalten.md");
        var text = File.ReadAllText(guide);
        File.WriteAllText(guide, text[..text.IndexOf("scales:", StringComparison.Ordinal)]);
        return folder;
    }

    [Fact]
    public void The_catalogue_refuses_a_folder_with_a_broken_guide_listing_file_and_line()
    {
        using var folder = BrokenCopy();
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("SelfEval:QuestionnaireFolder", folder.Path));

        var ex = Assert.Throws<QuestionnaireLoadException>(() => factory.Services.GetRequiredService<QuestionnaireCatalog>());

        var error = Assert.Single(ex.Errors);
        Assert.Equal($"{folder.File("wirkung-entfalten.md")}:1: Das Front Matter ab Zeile 1 wird nicht abgeschlossen: Es fehlt eine Zeile '---' nach den Angaben.", error.ToString());
    }

    [Fact]
    public async Task The_service_process_exits_with_the_errors_instead_of_starting()
    {
        using var folder = BrokenCopy();
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["SelfEval__QuestionnaireFolder"] = folder.Path;

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("SelfEval startet nicht, weil die Fragebögen Fehler enthalten:", await stderr, StringComparison.Ordinal);
        Assert.Contains($"{folder.File("wirkung-entfalten.md")}:1: Das Front Matter", await stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_left_out_of_the_comparison_groups_stops_the_service_too()
    {
        using var folder = TestPaths.NewTempFolder();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Questionnaires, "*.md"))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        var profile = folder.File("profil.md");
        var lines = File.ReadAllLines(profile).ToList();
        var groupsLine = lines.IndexOf("- compare: region: Region") + 2; // 1-based line of the '- groups:' below it
        lines.Remove("  - west: Nordrhein-Westfalen = nw");
        File.WriteAllLines(profile, lines);
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("SelfEval:QuestionnaireFolder", folder.Path));

        var ex = Assert.Throws<QuestionnaireLoadException>(() => factory.Services.GetRequiredService<QuestionnaireCatalog>());

        Assert.Equal(
            $"{profile}:{groupsLine}: Diese Antworten gehören zu keiner Gruppe unter 'groups': nw. Jede Antwort gehört zu genau einer Gruppe.",
            Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void The_catalogue_compares_by_the_groups_of_its_profile()
    {
        var catalog = QuestionnaireCatalog.Load(TestPaths.Questionnaires);

        Assert.Equal(["phase", "ausrichtung", "rechtsform", "region", "radius", "gruendung"], catalog.Comparison.Dimensions.Select(d => d.Key));
        Assert.All(catalog.Questionnaires, q => Assert.Same(catalog.Comparison, q.Comparison));
        Assert.Same(SelfEval.Scoring.Model.ComparisonGroups.None, new QuestionnaireCatalog([], null).Comparison);
    }

    [Fact]
    public void A_missing_folder_is_named_in_the_error()
    {
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("SelfEval:QuestionnaireFolder", "/gibt/es/nicht"));

        var ex = Assert.Throws<QuestionnaireLoadException>(() => factory.Services.GetRequiredService<QuestionnaireCatalog>());

        Assert.Equal("/gibt/es/nicht:0: Der Ordner mit den Fragebögen existiert nicht (Einstellung SelfEval:QuestionnaireFolder).", Assert.Single(ex.Errors).ToString());
    }
}
