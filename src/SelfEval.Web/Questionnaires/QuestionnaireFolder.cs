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

/// <summary>One questionnaire file as the running service uses it: its name in the folder and the text in force.</summary>
/// <param name="Name">The bare file name, e.g. <c>sich-gut-aufstellen.md</c>.</param>
/// <param name="Text">The text in force: the folder's, or the office's published one.</param>
/// <param name="Kind">Guide, profile or offers.</param>
/// <param name="GuideId">The guide the file defines; null for the profile and the offers.</param>
/// <param name="FolderHash">SHA-256 of the file of this name in the folder as the service loaded it; null when the folder has none.</param>
public sealed record CatalogFile(string Name, string Text, FileKind Kind, string? GuideId, string? FolderHash);

/// <summary>
/// The guides and offers the running service uses: loaded from the folder at start-up, and changed while it runs
/// only by the office publishing a guide (<see cref="Replace"/>). Every reader sees one whole snapshot, swapped at
/// once, so a page never mixes two versions; rounds already started keep theirs because they load by version id.
/// </summary>
public sealed class QuestionnaireCatalog
{
    private sealed record Snapshot(IReadOnlyList<Questionnaire> Questionnaires, OfferCatalog? Offers, IReadOnlyList<CatalogFile> Files);

    private Snapshot _current;

    private Snapshot Current => Volatile.Read(ref _current);

    public QuestionnaireCatalog(IReadOnlyList<Questionnaire> questionnaires, OfferCatalog? offers, IReadOnlyList<CatalogFile>? files = null)
    {
        _current = new Snapshot(questionnaires, offers, files ?? FilesOf(questionnaires, offers));
    }

    public IReadOnlyList<Questionnaire> Questionnaires => Current.Questionnaires;

    public OfferCatalog? Offers => Current.Offers;

    /// <summary>The questionnaire files in force, by file name: what a draft is checked with and what the export writes.</summary>
    public IReadOnlyList<CatalogFile> Files => Current.Files;

    public Questionnaire? Find(string id) => Questionnaires.FirstOrDefault(q => q.Id == id);

    /// <summary>The file that defines the guide <paramref name="id"/>, or null.</summary>
    public CatalogFile? FileOf(string id) => Files.FirstOrDefault(f => f.GuideId == id);

    /// <summary>
    /// The groups the office compares by, from the profil.md in use: every guide is answered with that
    /// profile, so they all carry the same. Rounds answered with an older profile are grouped by this one too.
    /// </summary>
    public ComparisonGroups Comparison => Questionnaires.Count > 0 ? Questionnaires[0].Comparison : ComparisonGroups.None;

    /// <summary>
    /// The files in force with <paramref name="text"/> in place of the file <paramref name="fileName"/> (added when the
    /// folder has none), loaded as the whole folder is at start-up. Changes nothing.
    /// </summary>
    public LoadResult LoadWith(string fileName, string text) => QuestionnaireLoader.Load(With(Files, fileName, text), LoadScope.Folder);

    /// <summary>
    /// Makes <paramref name="text"/> the guide file <paramref name="fileName"/> of the running service, so new rounds
    /// start with it; the other guides and the offers stay the same instances. Nothing changes when it does not load.
    /// </summary>
    /// <returns>The guide as new rounds now start it, or null with the errors that kept it out.</returns>
    public (Questionnaire? Guide, LoadResult Result) Replace(string fileName, string text)
    {
        var change = Prepare(fileName, text);
        return change.Guide is not null && Commit(change) ? (change.Guide, change.Result) : (null, change.Result);
    }

    /// <summary>A guide file loaded against the snapshot in force, ready to be swapped in by <see cref="Commit"/>.</summary>
    public sealed class Change
    {
        internal Change(LoadResult result, Questionnaire? guide, object from, object? to)
        {
            Result = result;
            Guide = guide;
            From = from;
            To = to;
        }

        public LoadResult Result { get; }

        /// <summary>The guide the file defines, null when it does not load (then it cannot be committed).</summary>
        public Questionnaire? Guide { get; }

        internal object From { get; }

        internal object? To { get; }
    }

    /// <summary>Loads <paramref name="text"/> as the guide file <paramref name="fileName"/> against the files in force; changes nothing yet.</summary>
    public Change Prepare(string fileName, string text)
    {
        var before = Current;
        var result = QuestionnaireLoader.Load(With(before.Files, fileName, text), LoadScope.Folder);
        var guide = result.Success ? result.Questionnaires.FirstOrDefault(q => q.Sources[0].Name == fileName) : null;
        if (guide is null)
        {
            return new Change(result, null, before, null);
        }

        var old = before.Files.FirstOrDefault(f => f.Name == fileName);
        var file = new CatalogFile(fileName, text, FileKind.Questionnaire, guide.Id, old?.FolderHash);
        var files = before.Files.Where(f => f.Name != fileName).Append(file).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        var order = files.Select(f => f.GuideId).OfType<string>().ToList();
        var guides = before.Questionnaires.Where(q => q.Id != guide.Id && q.Id != old?.GuideId).Append(guide)
            .OrderBy(q => order.IndexOf(q.Id)).ToArray();
        return new Change(result, guide, before, new Snapshot(guides, before.Offers, files));
    }

    /// <summary>
    /// Swaps the prepared snapshot in, at once for every reader; false (nothing changed) when another change came
    /// first, since the prepared one was checked against files no longer in force.
    /// </summary>
    public bool Commit(Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.To is Snapshot to && ReferenceEquals(Interlocked.CompareExchange(ref _current, to, (Snapshot)change.From), change.From);
    }

    private static IEnumerable<SourceFile> With(IReadOnlyList<CatalogFile> files, string fileName, string text) =>
        files.Where(f => f.Name != fileName).Select(f => SourceFile.FromText(f.Name, f.Text))
            // Last, so a clash with another file (the same guide id) is reported at the new text, not at the file in force.
            .Append(SourceFile.FromText(fileName, text));

    /// <summary>For a catalogue made from loaded guides alone (tests): their files as the guides carry them.</summary>
    private static CatalogFile[] FilesOf(IReadOnlyList<Questionnaire> questionnaires, OfferCatalog? offers)
    {
        var files = questionnaires.Select(q => new CatalogFile(Path.GetFileName(q.Sources[0].Name), q.Sources[0].Text, FileKind.Questionnaire, q.Id, null))
            .Concat(questionnaires.SelectMany(q => q.Sources.Skip(1)).Take(1).Select(s => new CatalogFile(Path.GetFileName(s.Name), s.Text, FileKind.Profile, null, null)));
        if (offers is not null)
        {
            files = files.Append(new CatalogFile(Path.GetFileName(offers.Source.Name), offers.Source.Text, FileKind.Offers, null, null));
        }

        return files.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
    }

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

        var files = QuestionnaireFolder.QuestionnaireFiles(folder).Select(path =>
        {
            var bytes = File.ReadAllBytes(path);
            var kind = result.Kinds.GetValueOrDefault(path, FileKind.Questionnaire);
            var id = kind == FileKind.Questionnaire ? result.Questionnaires.FirstOrDefault(q => q.Sources[0].Name == path)?.Id : null;
            return new CatalogFile(Path.GetFileName(path), new System.Text.UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'), kind, id, FileHash(bytes));
        }).ToArray();
        return new QuestionnaireCatalog(result.Questionnaires, result.Offers, files);
    }

    /// <summary>SHA-256 of a file's bytes, lower-case hex: how the workbench recognises a folder file it has seen.</summary>
    public static string FileHash(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}

public sealed class QuestionnaireLoadException(IReadOnlyList<LoadError> errors)
    : Exception($"Die Fragebögen enthalten {errors.Count} Fehler:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<LoadError> Errors { get; } = errors;
}
