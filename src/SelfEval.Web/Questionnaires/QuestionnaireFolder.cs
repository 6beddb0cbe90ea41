using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;

namespace SelfEval.Web.Questionnaires;

/// <summary>The file-system side of loading: which files of a folder are questionnaires.</summary>
public static class QuestionnaireFolder
{
    /// <summary>
    /// Every <c>*.md</c> file whose name starts with a lower-case letter or digit. Names starting with a
    /// capital (FORMAT.md, README.md) are documentation for authors, not questionnaires.
    /// </summary>
    public static IReadOnlyList<string> QuestionnaireFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.md")
            .Where(f => Path.GetFileName(f) is { Length: > 0 } name && !char.IsUpper(name[0]))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static SourceFile Read(string path, string displayName) => SourceFile.FromBytes(displayName, File.ReadAllBytes(path));

    /// <summary>
    /// Loads the folder's questionnaires and adds what the folder as a whole lacks or hides: a missing
    /// profile (every start would fail) and files or subfolders that look like questionnaires but are never read.
    /// </summary>
    public static LoadResult LoadFolder(string folder, Func<string, string>? displayName = null)
    {
        displayName ??= Path.GetFileName;
        var files = QuestionnaireFiles(folder);
        var result = QuestionnaireLoader.Load(files.Select(f => Read(f, displayName(f))));
        var problems = Skipped(folder, files, displayName).ToList();
        if (files.Count > 0 && !result.Kinds.Values.Contains(FileKind.Profile))
        {
            problems.Add(new LoadError(displayName(folder), 0, "Im Ordner fehlt die Profildatei (kind: profile, üblich profil.md): Ohne sie kann keine Initiative einen Fragebogen beginnen."));
        }

        return problems.Count == 0 ? result : result with { Questionnaires = [], Offers = null, Errors = [.. result.Errors, .. problems] };
    }

    // Documentation (FORMAT.md, README.md) has no front matter and stays quiet; a questionnaire that is never read must not.
    private static IEnumerable<LoadError> Skipped(string folder, IReadOnlyList<string> loaded, Func<string, string> displayName)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(folder).Except(loaded).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.'))
            {
                continue;
            }

            if (Directory.Exists(path))
            {
                var inside = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(LooksLikeQuestionnaire)
                    .Select(f => Path.GetRelativePath(path, f)).Order(StringComparer.Ordinal).ToList();
                if (inside.Count > 0)
                {
                    yield return new LoadError(displayName(path), 0, $"Der Unterordner wird nicht gelesen; diese Fragebögen darin werden nie geladen: {string.Join(", ", inside)}. Fragebögen liegen direkt im Ordner; Entwürfe und Archiv bewahren Sie außerhalb auf.");
                }

                continue;
            }

            if (!LooksLikeQuestionnaire(path))
            {
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(name);
            var suggested = char.ToLowerInvariant(stem[0]) + stem[1..] + ".md";
            yield return new LoadError(displayName(path), 1, Path.GetExtension(name) != ".md"
                ? $"Diese Datei wird nie geladen: Fragebögen enden auf '.md' (klein geschrieben). Benennen Sie sie um, z. B. in '{suggested}'."
                : $"Diese Datei wird nie geladen: Namen von Fragebögen beginnen mit einem Kleinbuchstaben oder einer Ziffer (groß geschriebene wie FORMAT.md gelten als Dokumentation). Benennen Sie sie um, z. B. in '{suggested}'.");
        }
    }

    private static bool LooksLikeQuestionnaire(string path)
    {
        if (Path.GetExtension(path).ToLowerInvariant() is not (".md" or ".markdown"))
        {
            return false;
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return reader.ReadLine()?.TrimEnd() == "---";
    }
}

/// <summary>The guides and offers the running service uses, loaded once at start-up.</summary>
public sealed class QuestionnaireCatalog
{
    public QuestionnaireCatalog(IReadOnlyList<Questionnaire> questionnaires, OfferCatalog? offers)
    {
        Questionnaires = questionnaires;
        Offers = offers;
    }

    public IReadOnlyList<Questionnaire> Questionnaires { get; }

    public OfferCatalog? Offers { get; }

    public Questionnaire? Find(string id) => Questionnaires.FirstOrDefault(q => q.Id == id);

    /// <summary>
    /// The groups the office compares by, from the profil.md in use: every guide is answered with that
    /// profile, so they all carry the same. Rounds answered with an older profile are grouped by this one too.
    /// </summary>
    public ComparisonGroups Comparison => Questionnaires.Count > 0 ? Questionnaires[0].Comparison : ComparisonGroups.None;

    /// <summary>Loads the folder or throws with every error, so a broken guide never reaches a user.</summary>
    public static QuestionnaireCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new QuestionnaireLoadException([new LoadError(folder, 0, "Der Ordner mit den Fragebögen existiert nicht (Einstellung SelfEval:QuestionnaireFolder).")]);
        }

        var result = QuestionnaireFolder.LoadFolder(folder, f => Path.Combine(folder, Path.GetFileName(f)));
        if (!result.Success)
        {
            throw new QuestionnaireLoadException(result.Errors);
        }

        if (result.Questionnaires.Count == 0)
        {
            throw new QuestionnaireLoadException([new LoadError(folder, 0, "Der Ordner enthält keinen Fragebogen.")]);
        }

        return new QuestionnaireCatalog(result.Questionnaires, result.Offers);
    }
}

public sealed class QuestionnaireLoadException(IReadOnlyList<LoadError> errors)
    : Exception($"Die Fragebögen enthalten {errors.Count} Fehler:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<LoadError> Errors { get; } = errors;
}
