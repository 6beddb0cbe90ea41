using SelfEval.Web.Data;
using SelfEval.Web.Office;

namespace SelfEval.Web.Cli;

/// <summary>
/// <c>office-users list|disable|enable|reset-password</c>: the office's accounts for the operator, with the rules of the
/// workbench's account page (<see cref="OfficeUserStore"/>). New accounts are made with <c>add-office-user</c>.
/// </summary>
public static class OfficeUsersCommand
{
    public const string Usage = """
        Aufruf: office-users <befehl> [--database <datei>]
          office-users list                                       Zugänge mit letzter Anmeldung und Status
          office-users disable <name>                             Zugang sperren (beendet seine Sitzungen)
          office-users enable <name>                              gesperrten Zugang wieder freigeben
          office-users reset-password <name> [--password-stdin]   neues Passwort setzen (beendet seine Sitzungen)
        Neue Zugänge: add-office-user <name> [--password-stdin]
        """;

    public static int Run(string[] args, string databasePath, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var words = OfficeUserCommand.Arguments(args, args is ["reset-password", ..] ? ["--password-stdin"] : []);
        if (words is not [var verb, ..] || !IsValid(verb, words.Count))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        var name = words.Count > 1 ? words[1] : string.Empty;
        string? password = null;
        if (verb == "reset-password" && (password = OfficeUserCommand.ReadPassword(args.Contains("--password-stdin"), stdin, stderr)) is null)
        {
            return 1;
        }

        if (!File.Exists(databasePath))
        {
            stderr.WriteLine($"{databasePath}: Die Datenbank gibt es nicht. Es wurde nichts geändert.");
            return 1;
        }

        var db = new Database(databasePath);
        db.Migrate();
        var users = new OfficeUserStore(db, TimeProvider.System);
        return verb switch
        {
            "list" => List(users, databasePath, stdout),
            "disable" => Report(users.Disable(name, by: null), AccountTexts.Disabled(name), AccountTexts.AlreadyDisabled(name), name, stdout, stderr),
            "enable" => Report(users.Enable(name), AccountTexts.Enabled(name), AccountTexts.AlreadyEnabled(name), name, stdout, stderr),
            _ => users.ResetPassword(name, password!) ? Done(AccountTexts.PasswordSet(name), stdout) : Refused(AccountTexts.Unknown(name), stderr),
        };
    }

    private static bool IsValid(string verb, int words) => verb switch
    {
        "list" => words == 1,
        "disable" or "enable" or "reset-password" => words == 2,
        _ => false,
    };

    private static int List(OfficeUserStore users, string databasePath, TextWriter stdout)
    {
        var accounts = users.List();
        if (accounts.Count == 0)
        {
            stdout.WriteLine($"In {databasePath} gibt es noch keinen Zugang für die Servicestelle. Anlegen mit: add-office-user <name>");
            return 0;
        }

        string[] header = ["Name", "Angelegt", "Letzte Anmeldung", "Status"];
        var rows = accounts.Select(a => new[] { a.Name, Time.LongDate(a.CreatedAt), AccountTexts.LastLogin(a), AccountTexts.State(a) }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(c => rows.Max(r => r[c].Length)).ToList();
        foreach (var row in rows)
        {
            stdout.WriteLine(string.Join("  ", row.Select((cell, c) => c < widths.Count ? cell.PadRight(widths[c]) : cell)));
        }

        return 0;
    }

    private static int Report(AccountChange change, string done, string unchanged, string name, TextWriter stdout, TextWriter stderr) => change switch
    {
        AccountChange.Done => Done(done, stdout),
        AccountChange.Unchanged => Done(unchanged, stdout),
        AccountChange.Unknown => Refused(AccountTexts.Unknown(name), stderr),
        AccountChange.LastActive => Refused(AccountTexts.NotLast, stderr),
        AccountChange.Self => Refused(AccountTexts.NotSelf, stderr), // not on the command line, which disables as nobody
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static int Done(string message, TextWriter stdout)
    {
        stdout.WriteLine(message);
        return 0;
    }

    private static int Refused(string message, TextWriter stderr)
    {
        stderr.WriteLine(message + " Es wurde nichts geändert.");
        return 1;
    }
}
