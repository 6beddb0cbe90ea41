using SelfEval.Web.Data;
using SelfEval.Web.Office;

namespace SelfEval.Web.Cli;

/// <summary><c>add-office-user &lt;name&gt; [--password-stdin]</c>: creates an account or sets a new password.</summary>
public static class OfficeUserCommand
{
    public const string Usage = "Aufruf: add-office-user <name> [--password-stdin] [--database <datei>]";

    public static int Run(string[] args, string databasePath, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (Arguments(args, ["--password-stdin"]) is not [var name] || !OfficeUserStore.IsValidName(name))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        if (ReadPassword(args.Contains("--password-stdin"), stdin, stderr) is not { } password)
        {
            return 1;
        }

        var db = new Database(databasePath);
        db.Migrate();
        var created = new OfficeUserStore(db, TimeProvider.System).Save(name, password);
        stdout.WriteLine((created ? AccountTexts.Created(name) : AccountTexts.PasswordSet(name)) + $" Datenbank: {databasePath}");
        return 0;
    }

    /// <summary>
    /// The words of a command line without its options: <paramref name="flags"/> stand alone, <c>--database</c> takes the
    /// word after it. Null when an option is unknown, so a mistyped one is refused instead of silently ignored.
    /// </summary>
    internal static List<string>? Arguments(string[] args, string[] flags)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--database")
            {
                i++;
            }
            else if (args[i].StartsWith('-'))
            {
                if (!flags.Contains(args[i]))
                {
                    return null;
                }
            }
            else
            {
                words.Add(args[i]);
            }
        }

        return words;
    }

    /// <summary>
    /// The new password from standard input or typed twice at the terminal, checked against the one rule for passwords;
    /// null after telling why there is none.
    /// </summary>
    internal static string? ReadPassword(bool fromStdin, TextReader stdin, TextWriter stderr)
    {
        string? password;
        if (fromStdin)
        {
            password = stdin.ReadLine();
        }
        else if (Console.IsInputRedirected)
        {
            stderr.WriteLine("Kein Terminal für die Passworteingabe: Nutzen Sie --password-stdin und geben Sie das Passwort über die Standardeingabe.");
            return null;
        }
        else
        {
            password = ReadHidden("Passwort: ", stderr);
            if (ReadHidden("Passwort wiederholen: ", stderr) != password)
            {
                stderr.WriteLine(AccountTexts.PasswordsDiffer + " Es wurde nichts geändert.");
                return null;
            }
        }

        if (!OfficeUserStore.IsValidPassword(password))
        {
            stderr.WriteLine(AccountTexts.PasswordTooShort + " Es wurde nichts geändert.");
            return null;
        }

        return password;
    }

    private static string ReadHidden(string prompt, TextWriter stderr)
    {
        stderr.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                stderr.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
