using System.Text;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Workbench;

namespace SelfEval.Web.Cli;

/// <summary>
/// <c>export-questionnaires &lt;ordner&gt;</c>: writes the questionnaire files as the service would start with them
/// (the folder's files, with the office's publications in place of the files they were published over), so no
/// version lives only in the database: the files can be checked in and shipped with the next release.
/// </summary>
public static class ExportQuestionnairesCommand
{
    public const string Usage = "Aufruf: export-questionnaires <ordner> [--SelfEval:DatabasePath=<datei>] [--SelfEval:QuestionnaireFolder=<ordner>]";

    public static int Run(string[] args, string databasePath, string questionnaireFolder, Func<string, string> resolve, TextWriter stdout, TextWriter stderr)
    {
        if (args is not [var target] || target.StartsWith("--", StringComparison.Ordinal))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        if (!File.Exists(databasePath))
        {
            stderr.WriteLine($"Die Datenbank {databasePath} gibt es nicht. Geben Sie die Datenbank des Dienstes an (--SelfEval:DatabasePath=… oder SelfEval__DatabasePath). Es wurde nichts geschrieben.");
            return 1;
        }

        QuestionnaireCatalog catalog;
        try
        {
            catalog = QuestionnaireCatalog.Load(questionnaireFolder);
        }
        catch (QuestionnaireLoadException ex)
        {
            stderr.WriteLine($"Die Fragebögen in {questionnaireFolder} enthalten Fehler; der Dienst startet so nicht. Es wurde nichts geschrieben.");
            foreach (var error in ex.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            return 1;
        }

        var db = new Database(databasePath);
        db.Migrate();
        var versions = new QuestionnaireVersionStore(db, catalog, TimeProvider.System);
        var publications = new PublicationStore(db, catalog, versions, new DraftStore(db, catalog, TimeProvider.System), TimeProvider.System);
        var decisions = publications.ApplyAtStartup();

        var folder = resolve(target);
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(false);
        foreach (var file in catalog.Files)
        {
            File.WriteAllText(Path.Combine(folder, file.Name), file.Text, utf8);
            var office = decisions.FirstOrDefault(d => d.Decision == StartupDecision.OfficeVersion && d.Publication.FileName == file.Name).Publication;
            stdout.WriteLine(office is null
                ? $"{file.Name}: aus dem Ordner"
                : $"{file.Name}: veröffentlicht von {office.PublishedBy} am {WorkbenchTexts.When(office.PublishedAt)} (Version {office.Version})");
        }

        foreach (var (publication, decision) in decisions.Where(d => d.Decision != StartupDecision.OfficeVersion))
        {
            stderr.WriteLine($"{publication.FileName}: Die Veröffentlichung der Servicestelle vom {WorkbenchTexts.When(publication.PublishedAt)} gilt nicht mehr ("
                + (decision == StartupDecision.FolderChanged ? "die Datei im Ordner wurde seitdem geändert" : "sie lädt nicht mehr mit den übrigen Dateien") + "); geschrieben wurde die Fassung aus dem Ordner.");
        }

        // A file left over in the target would be loaded with the others at the next start from that folder.
        foreach (var stale in QuestionnaireFolder.QuestionnaireFiles(folder).Select(Path.GetFileName).Where(n => catalog.Files.All(f => f.Name != n)))
        {
            stderr.WriteLine($"{stale}: Diese Datei lag schon im Ordner und gehört nicht zu den Fragebögen des Dienstes. Löschen Sie sie, bevor Sie den Ordner verwenden.");
        }

        stderr.WriteLine($"{catalog.Files.Count} Datei(en) nach {folder} geschrieben.");
        return 0;
    }
}
