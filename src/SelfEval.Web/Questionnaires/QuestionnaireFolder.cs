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

    public static LoadResult LoadFolder(string folder, Func<string, string>? displayName = null)
    {
        displayName ??= Path.GetFileName;
        return QuestionnaireLoader.Load(QuestionnaireFiles(folder).Select(f => Read(f, displayName(f))));
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
