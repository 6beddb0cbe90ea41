using System.Diagnostics;
using Dapper;
using SelfEval.Web.Cli;

namespace SelfEval.Web.Tests;

/// <summary>The command-line tools read the same settings as the service: environment and --SelfEval:Key=value.</summary>
public sealed class ConfiguredCommandTests
{
    private static Task<(int Code, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunInAsync(null, environment, null, args);

    /// <summary>The built service started as an operator starts it, in <paramref name="workingDirectory"/> (its content root).</summary>
    private static async Task<(int Code, string Out, string Err)> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = stdin is not null,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
            process.StandardInput.Close();
        }

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

    private const string Password = "ein-langes-passwort";

    private static string OfficeUsers(string database)
    {
        using var connection = new SelfEval.Web.Data.Database(database).Open();
        var names = string.Join(",", connection.Query<string>("SELECT name FROM office_users ORDER BY name"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return names;
    }

    /// <summary>Every spelling of a setting the service's command line accepts, for the command-line tools too.</summary>
    [Theory]
    [InlineData("--SelfEval:DatabasePath={0}")]
    [InlineData("--SelfEval:DatabasePath {0}")]
    [InlineData("/SelfEval:DatabasePath={0}")]
    [InlineData("--selfeval:databasepath {0}")]
    public void Add_office_user_writes_to_the_database_named_by_a_setting_argument(string form)
    {
        using var folder = TestPaths.NewTempFolder();
        var database = folder.File("anders.db");
        var output = new StringWriter();

        var code = Commands.Run(["add-office-user", "carla", "--password-stdin", .. string.Format(System.Globalization.CultureInfo.InvariantCulture, form, database).Split(' ')], output, output, stdin: new StringReader(Password));

        Assert.True(code == 0, output.ToString());
        Assert.Equal("carla", OfficeUsers(database));
        Assert.Contains(database, output.ToString(), StringComparison.Ordinal); // the success names the file it wrote to
    }

    [Fact]
    public void A_setting_before_the_command_still_runs_the_command_instead_of_starting_the_service()
    {
        using var folder = TestPaths.NewTempFolder();
        var database = folder.File("vorne.db");
        string[] args = ["--SelfEval:DatabasePath", database, "add-office-user", "carla", "--password-stdin"];
        var output = new StringWriter();

        Assert.True(Commands.IsCommand(args));
        Assert.Equal(0, Commands.Run(args, output, output, stdin: new StringReader(Password)));
        Assert.Equal("carla", OfficeUsers(database));
    }

    [Fact]
    public void Backup_copies_the_database_named_by_a_setting_argument_with_a_space()
    {
        using var folder = TestPaths.NewTempFolder();
        var database = folder.File("quelle.db");
        var output = new StringWriter();
        Assert.Equal(0, Commands.Run(["add-office-user", "carla", "--password-stdin", "--database", database], output, output, stdin: new StringReader(Password)));

        Assert.Equal(0, Commands.Run(["backup", folder.File("kopie.db"), "--SelfEval:DatabasePath", database], output, output));

        Assert.Equal("carla", OfficeUsers(folder.File("kopie.db")));
    }

    /// <summary>The service's other sources of settings: environment variables (plain and with the host's prefixes) and appsettings files of its environment.</summary>
    [Theory]
    [InlineData("SelfEval__DatabasePath")]
    [InlineData("ASPNETCORE_SelfEval__DatabasePath")]
    [InlineData("DOTNET_SelfEval__DatabasePath")]
    [InlineData("appsettings.json")]
    [InlineData("appsettings.Staging.json")]
    public async Task Add_office_user_writes_to_the_database_the_service_would_open(string source)
    {
        using var folder = TestPaths.NewTempFolder();
        var environment = new Dictionary<string, string> { ["PWD"] = folder.Path };
        if (source.StartsWith("appsettings", StringComparison.Ordinal))
        {
            // A relative path, taken from the content root as the service takes it.
            File.WriteAllText(folder.File(source), """{ "SelfEval": { "DatabasePath": "konfiguriert.db" } }""");
            environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        }
        else
        {
            environment[source] = folder.File("konfiguriert.db");
        }

        var (code, stdout, stderr) = await RunInAsync(folder.Path, environment, Password, "add-office-user", "carla", "--password-stdin");

        Assert.True(code == 0, stdout + stderr);
        Assert.Equal("carla", OfficeUsers(folder.File("konfiguriert.db")));
        Assert.False(Directory.Exists(folder.File("data")), "wrote to the default database as well");
    }
}
