using System.Diagnostics;
using Dapper;
using SelfEval.Web.Cli;

namespace SelfEval.Web.Tests;

/// <summary>The command-line tools read the same settings as the service: environment and --SelfEval:Key=value.</summary>
public sealed class ConfiguredCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task A_loose_draft_is_checked_against_the_configured_questionnaire_folder()
    {
        using var configured = TestPaths.NewTempFolder();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Questionnaires, "*.md").Where(f => !Path.GetFileName(f).Equals("FORMAT.md", StringComparison.Ordinal)))
        {
            File.Copy(file, configured.File(Path.GetFileName(file)));
        }

        // The configured folder's profile differs from the build's: it declares a question the draft's condition uses.
        var profile = File.ReadAllText(configured.File("profil.md"));
        File.WriteAllText(configured.File("profil.md"), profile.TrimEnd() + "\n\n### Gibt es einen Beirat? {#beirat}\n\n- type: yesno\n- required: nein\n- source: 000:1-2\n");
        using var drafts = TestPaths.NewTempFolder();
        var guide = File.ReadAllText(Path.Combine(TestPaths.Questionnaires, "wirkung-entfalten.md"));
        var question = guide.IndexOf("- type:", StringComparison.Ordinal);
        File.WriteAllText(drafts.File("entwurf.md"), guide[..question] + "- when: beirat = ja\n" + guide[question..]);

        var withDefault = await RunAsync(new Dictionary<string, string> { ["PWD"] = drafts.Path }, "validate", drafts.File("entwurf.md"));
        var withConfigured = await RunAsync(new Dictionary<string, string> { ["PWD"] = drafts.Path, ["SelfEval__QuestionnaireFolder"] = configured.Path }, "validate", drafts.File("entwurf.md"));

        Assert.Equal(1, withDefault.Code);
        Assert.Contains("beirat", withDefault.Out + withDefault.Err, StringComparison.Ordinal);
        Assert.True(withConfigured.Code == 0, withConfigured.Out + withConfigured.Err);
    }

    [Fact]
    public void Add_office_user_writes_to_the_database_named_by_a_setting_argument()
    {
        using var folder = TestPaths.NewTempFolder();
        var database = folder.File("anders.db");
        var output = new StringWriter();

        Assert.Equal(0, Commands.Run(["add-office-user", "carla", "--password-stdin", $"--SelfEval:DatabasePath={database}"], output, output, stdin: new StringReader("ein-langes-passwort")));

        using var connection = new SelfEval.Web.Data.Database(database).Open();
        Assert.Equal("carla", connection.ExecuteScalar<string>("SELECT name FROM office_users"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
