using Dapper;
using SelfEval.Web.Cli;
using SelfEval.Web.Data;
using SelfEval.Web.Office;

namespace SelfEval.Web.Tests;

/// <summary><c>office-users</c> on a real SQLite file: exit code, German output, and what changed in the file.</summary>
public sealed class OfficeUsersCommandTests : IDisposable
{
    private const string Password = "ein-langes-passwort";
    private readonly TempFolder _folder = TestPaths.NewTempFolder();

    public OfficeUsersCommandTests()
    {
        Assert.Equal(0, Run(["add-office-user", "anna", "--password-stdin"], Password).Code);
        Assert.Equal(0, Run(["add-office-user", "ben", "--password-stdin"], Password).Code);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private string DatabasePath => _folder.File("selfeval.db");

    private (int Code, string Out, string Err) Run(string[] args, string? stdin = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Commands.Run([.. args, "--database", DatabasePath], stdout, stderr, stdin: new StringReader(stdin ?? string.Empty));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private OfficeUserStore Store => new(new Database(DatabasePath), TimeProvider.System);

    [Fact]
    public void List_shows_every_account_with_created_last_login_and_state()
    {
        Store.RecordLogin(Store.Find("anna")!.Id);
        Run(["office-users", "disable", "ben"]);

        var (code, output, _) = Run(["office-users", "list"]);

        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.StartsWith("Name  Angelegt", lines[0], StringComparison.Ordinal);
        Assert.Contains("Letzte Anmeldung", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("anna", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("aktiv", lines[1], StringComparison.Ordinal);
        Assert.Contains(" Uhr", lines[1], StringComparison.Ordinal);
        Assert.Contains("noch nie", lines[2], StringComparison.Ordinal);
        Assert.Contains("gesperrt seit", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("über die Kommandozeile", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Disable_and_enable_change_the_file_and_say_so()
    {
        var disabled = Run(["office-users", "disable", "ben"]);
        Assert.Equal((0, "Zugang „ben“ gesperrt."), (disabled.Code, disabled.Out[.."Zugang „ben“ gesperrt.".Length]));
        Assert.True(Store.Find("ben")!.IsDisabled);
        Assert.Null(Store.Verify("ben", Password));

        var enabled = Run(["office-users", "enable", "ben"]);
        Assert.Equal(0, enabled.Code);
        Assert.Contains("wieder freigegeben", enabled.Out, StringComparison.Ordinal);
        Assert.NotNull(Store.Verify("ben", Password));
    }

    [Fact]
    public void The_last_active_account_and_unknown_names_are_refused_with_exit_code_1()
    {
        Assert.Equal(0, Run(["office-users", "disable", "ben"]).Code);

        var last = Run(["office-users", "disable", "anna"]);
        var unknown = Run(["office-users", "disable", "niemand"]);

        Assert.Equal(1, last.Code);
        Assert.Equal(AccountTexts.NotLast + " Es wurde nichts geändert.", last.Err.Trim());
        Assert.False(Store.Find("anna")!.IsDisabled);
        Assert.Equal(1, unknown.Code);
        Assert.Equal("Einen Zugang „niemand“ gibt es nicht. Es wurde nichts geändert.", unknown.Err.Trim());
    }

    [Theory]
    [InlineData("kurz", 1, "Das Passwort muss mindestens 12 Zeichen lang sein. Es wurde nichts geändert.")]
    [InlineData("", 1, "Das Passwort muss mindestens 12 Zeichen lang sein. Es wurde nichts geändert.")]
    public void Reset_password_keeps_the_rule_of_add_office_user(string password, int code, string message)
    {
        var result = Run(["office-users", "reset-password", "ben", "--password-stdin"], password);

        Assert.Equal((code, message), (result.Code, result.Err.Trim()));
        Assert.NotNull(Store.Verify("ben", Password));
    }

    [Fact]
    public void Reset_password_sets_the_new_one_and_refuses_unknown_names_instead_of_creating_them()
    {
        var reset = Run(["office-users", "reset-password", "ben", "--password-stdin"], "ein-neues-langes-passwort");
        var unknown = Run(["office-users", "reset-password", "carla", "--password-stdin"], "ein-neues-langes-passwort");

        Assert.Equal(0, reset.Code);
        Assert.StartsWith("Neues Passwort für „ben“ gesetzt.", reset.Out, StringComparison.Ordinal);
        Assert.NotNull(Store.Verify("ben", "ein-neues-langes-passwort"));
        Assert.Null(Store.Verify("ben", Password));
        Assert.Equal(1, unknown.Code);
        Assert.Null(Store.Find("carla"));
    }

    [Theory]
    [InlineData("office-users")]
    [InlineData("office-users liste")]
    [InlineData("office-users disable")]
    [InlineData("office-users disable anna ben")]
    [InlineData("office-users list --SelfEval__DatabasePath=x.db")]
    [InlineData("add-office-user carla --passwort-stdin")]
    public void Wrong_calls_show_the_usage_with_exit_code_2_and_change_nothing(string call)
    {
        var result = Run(call.Split(' '), Password);

        Assert.Equal(2, result.Code);
        Assert.StartsWith("Aufruf:", result.Err, StringComparison.Ordinal);
        Assert.Equal(["anna", "ben"], Store.List().Select(a => a.Name));
        Assert.DoesNotContain(Store.List(), a => a.IsDisabled);
    }

    [Fact]
    public void The_database_option_before_the_name_is_not_taken_for_the_name()
    {
        var output = new StringWriter();

        Assert.Equal(0, Commands.Run(["add-office-user", "--database", DatabasePath, "carla", "--password-stdin"], output, output, stdin: new StringReader(Password)));

        Assert.Equal(["anna", "ben", "carla"], Store.List().Select(a => a.Name));
    }

    [Fact]
    public void A_command_on_a_missing_database_creates_none()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var missing = _folder.File("gibt-es-nicht.db");

        Assert.Equal(1, Commands.Run(["office-users", "list", "--database", missing], stdout, stderr));
        Assert.Contains("Die Datenbank gibt es nicht", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_new_password_from_the_command_line_ends_the_accounts_sessions()
    {
        var before = Store.Verify("anna", Password)!;
        Run(["office-users", "reset-password", "anna", "--password-stdin"], "ein-neues-langes-passwort");

        Assert.False(Store.IsSessionValid(before.Id, before.SessionVersion));
        using var connection = new Database(DatabasePath).Open();
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT session_version FROM office_users WHERE name = 'anna'"));
    }
}
