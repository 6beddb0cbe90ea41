using SelfEval.Web.Data;
using SelfEval.Web.Office;

namespace SelfEval.Web.Cli;

/// <summary><c>add-office-user &lt;name&gt; [--password-stdin]</c>: creates an account or sets a new password.</summary>
public static class OfficeUserCommand
{
    public const string Usage = "Aufruf: add-office-user <name> [--password-stdin] [--database <datei>]";

    public static int Run(string[] args, string databasePath, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var fromStdin = args.Contains("--password-stdin");
        var name = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (name is null || name.Length > 100 || name.Any(char.IsWhiteSpace))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        string? password;
        if (fromStdin)
        {
            password = stdin.ReadLine();
        }
        else if (Console.IsInputRedirected)
        {
            stderr.WriteLine("Kein Terminal für die Passworteingabe: Nutzen Sie --password-stdin und geben Sie das Passwort über die Standardeingabe.");
            return 2;
        }
        else
        {
            password = ReadHidden("Passwort: ", stderr);
            if (ReadHidden("Passwort wiederholen: ", stderr) != password)
            {
                stderr.WriteLine("Die beiden Eingaben stimmen nicht überein. Es wurde nichts geändert.");
                return 1;
            }
        }

        if (password is null || password.Length < OfficeUserStore.MinPasswordLength)
        {
            stderr.WriteLine($"Das Passwort muss mindestens {OfficeUserStore.MinPasswordLength} Zeichen lang sein. Es wurde nichts geändert.");
            return 1;
        }

        var db = new Database(databasePath);
        db.Migrate();
        var created = new OfficeUserStore(db, TimeProvider.System).Save(name, password);
        stdout.WriteLine(created
            ? $"Zugang „{name}“ für die Servicestelle angelegt."
            : $"Neues Passwort für „{name}“ gesetzt.");
        return 0;
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
