using SelfEval.Web.Data;

namespace SelfEval.Web.Cli;

/// <summary><c>backup &lt;file&gt;</c>: a consistent copy of the database while the service runs (VACUUM INTO).</summary>
public static class BackupCommand
{
    public static int Run(string[] args, string databasePath, Func<string, string> resolve, TextWriter stdout, TextWriter stderr)
    {
        var target = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--database")).FirstOrDefault();
        if (target is null)
        {
            stderr.WriteLine("Aufruf: backup <zieldatei> [--database <datei>]");
            return 2;
        }

        var file = resolve(target);
        if (File.Exists(file))
        {
            stderr.WriteLine($"{target}: Die Datei gibt es schon; eine Sicherung überschreibt nichts.");
            return 1;
        }

        if (!File.Exists(databasePath))
        {
            stderr.WriteLine($"{databasePath}: Die Datenbank gibt es nicht.");
            return 1;
        }

        new Database(databasePath).BackupTo(file);
        stdout.WriteLine($"Sicherung von {databasePath} nach {file} geschrieben ({new FileInfo(file).Length / 1024} KiB).");
        return 0;
    }
}
