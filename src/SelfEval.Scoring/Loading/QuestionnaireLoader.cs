using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Loading;

/// <summary>Everything a folder of questionnaire files yields: the guides, the offers, or all errors.</summary>
public sealed record LoadResult(
    IReadOnlyList<Questionnaire> Questionnaires,
    OfferCatalog? Offers,
    IReadOnlyList<LoadError> Errors,
    IReadOnlyDictionary<string, FileKind> Kinds)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>Which files are handed in, and so which checks apply.</summary>
public enum LoadScope
{
    /// <summary>The whole questionnaire folder: every rule of the current format edition, and every check across files.</summary>
    Folder,

    /// <summary>One file checked with the profile and catalogue beside it: no check that needs the other guides.</summary>
    Draft,

    /// <summary>
    /// A version stored with a round, answered under an older release: requirements added by a later edition of the
    /// format (such as <c>measures:</c>) are not enforced, and neither are checks that need the other guides.
    /// </summary>
    Stored,
}

/// <summary>
/// Turns a set of Markdown files (guides, the shared profile, the offers catalogue) into immutable
/// questionnaires, or reports every error at once with file and line. It never touches the file
/// system: callers hand it names and contents.
/// </summary>
public static class QuestionnaireLoader
{
    public static LoadResult Load(params SourceFile[] files) => Load((IEnumerable<SourceFile>)files);

    public static LoadResult Load(IEnumerable<SourceFile> files, LoadScope scope = LoadScope.Folder)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<LoadError>();
        var parsed = new List<ParsedFile>();
        foreach (var file in files)
        {
            var text = file.Text ?? Decode(file, errors);
            if (text is not null)
            {
                var result = FileParser.Parse(file.Name, text, scope);
                errors.AddRange(result.Errors.Errors);
                parsed.Add(result);
            }
        }

        var profile = Single(parsed, FileKind.Profile, "Profil (kind: profile)", errors);
        var offersFile = Single(parsed, FileKind.Offers, "Angebotskatalog (kind: offers)", errors);
        var offers = offersFile is null ? null : new OfferCatalog(offersFile.Id ?? "angebote", offersFile.Title ?? string.Empty, offersFile.Offers, new SourceText(offersFile.Source, offersFile.Text))
        {
            Date = offersFile.Date,
        };
        if (profile is not null)
        {
            CheckProfile(profile, errors);
        }

        if (offersFile is not null)
        {
            CheckOfferReferences(offersFile, profile, scope == LoadScope.Folder ? parsed.Where(p => p.Kind == FileKind.Questionnaire).ToList() : null, errors);
        }

        // One instance for all guides: they are answered with the same profile, so they compare alike.
        var comparison = profile is null || profile.Comparison.Count == 0 ? ComparisonGroups.None : new ComparisonGroups(profile.Comparison.ToArray());
        var questionnaires = new List<Questionnaire>();
        var ids = new Dictionary<string, ParsedFile>(StringComparer.Ordinal);
        foreach (var guide in parsed.Where(p => p.Kind == FileKind.Questionnaire))
        {
            if (guide.Id is not null && ids.TryGetValue(guide.Id, out var other))
            {
                errors.Add(new LoadError(guide.Source, guide.IdLine, $"Die Fragebogen-ID '{guide.Id}' wird schon in {other.Source} verwendet."));
            }
            else if (guide.Id is not null)
            {
                ids[guide.Id] = guide;
            }

            var before = errors.Count;
            CheckGuide(guide, profile, offersFile, errors);
            if (errors.Count == before && !guide.Errors.Any && profile?.Errors.Any != true)
            {
                questionnaires.Add(Build(guide, profile, comparison));
            }
        }

        // The same name may come twice (a file handed in twice); the first place orders its errors.
        var order = parsed.Select((p, i) => (p.Source, i)).GroupBy(x => x.Source).ToDictionary(g => g.Key, g => g.First().i);
        var sorted = errors
            .Distinct()
            .OrderBy(e => order.GetValueOrDefault(e.Source, -1))
            .ThenBy(e => e.Line)
            .ToArray();
        var kinds = parsed.GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        return new LoadResult(sorted.Length == 0 ? questionnaires : [], sorted.Length == 0 ? offers : null, sorted, kinds);
    }

    private static string? Decode(SourceFile file, List<LoadError> errors)
    {
        var bytes = file.Bytes ?? [];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return new string(chars, 0, written);
            }

            var line = 1 + bytes.AsSpan(0, read).Count((byte)'\n');
            errors.Add(new LoadError(file.Name, line,
                $"Die Datei ist nicht als UTF-8 gespeichert (ungültiges Byte 0x{bytes[read]:X2}). Speichern Sie sie in Ihrem Editor mit der Kodierung UTF-8."));
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static ParsedFile? Single(List<ParsedFile> parsed, FileKind kind, string what, List<LoadError> errors)
    {
        var all = parsed.Where(p => p.Kind == kind).ToList();
        foreach (var extra in all.Skip(1))
        {
            errors.Add(new LoadError(extra.Source, 1, $"Es darf nur ein {what} geben; das erste steht in {all[0].Source}."));
        }

        return all.FirstOrDefault();
    }

    private static void CheckProfile(ParsedFile profile, List<LoadError> errors)
    {
        var context = new GuideContext(profile, null);
        CheckIdsAndSections(context, profile.Sections, errors);
        CheckConditions(context, errors);
    }

    private static void CheckGuide(ParsedFile guide, ParsedFile? profile, ParsedFile? offers, List<LoadError> errors)
    {
        var context = new GuideContext(guide, profile);
        CheckIdsAndSections(context, guide.Sections, errors);

        // A guide that scores nothing has no profile to give; without this it loaded and produced an empty one.
        if (guide.Sections.Count > 0 && !guide.Sections.SelectMany(s => s.Questions).Any(q => q.Type is QuestionType.Scale or QuestionType.YesNo))
        {
            errors.Add(new LoadError(guide.Source, guide.IdLine > 0 ? guide.IdLine : 1,
                "Der Leitfaden hat keine bewertete Frage (Typ scale oder yesno): Ohne sie gibt es kein Profil. Ergänzen Sie mindestens eine."));
        }
        CheckConditions(context, errors);
        foreach (var question in guide.Sections.SelectMany(s => s.Questions))
        {
            foreach (var offer in question.Offers.Prepend(question.MainOffer).OfType<LocatedId>())
            {
                if (offers is null)
                {
                    errors.Add(new LoadError(guide.Source, offer.Line, $"Unbekanntes Angebot '{offer.Id}': Es wurde kein Angebotskatalog (kind: offers) geladen."));
                }
                else if (!offers.OfferLines.ContainsKey(offer.Id))
                {
                    errors.Add(new LoadError(guide.Source, offer.Line, $"Unbekanntes Angebot '{offer.Id}': Es steht nicht in {offers.Source}."));
                }
            }
        }

        foreach (var (source, (oldId, newId, line)) in guide.Renamed.Select(r => (guide.Source, r)).Concat((profile?.Renamed ?? []).Select(r => (profile!.Source, r))))
        {
            // Question ids hold no dots, so "frage-id.alter-wert" can only name an option value.
            if (oldId.Split('.', 2) is [var questionId, var oldValue])
            {
                if (!context.Index.TryGetValue(questionId, out var target))
                {
                    errors.Add(new LoadError(source, line, $"Unter 'renamed' steht '{oldId}', aber die Frage '{questionId}' gibt es nicht."));
                }
                else if (target.Question.Options.Any(o => o.Value == oldValue))
                {
                    errors.Add(new LoadError(source, line, $"Unter 'renamed' steht der alte Wert '{oldValue}', den die Frage '{questionId}' noch als Antwort anbietet."));
                }
                else if (!target.Question.Options.Any(o => o.Value == newId))
                {
                    errors.Add(new LoadError(source, line, $"Unter 'renamed' wird '{oldId}' auf '{newId}' abgebildet, aber die Frage '{questionId}' bietet diesen Wert nicht an."));
                }

                continue;
            }

            if (context.Index.ContainsKey(oldId))
            {
                errors.Add(new LoadError(source, line, $"Unter 'renamed' steht die alte ID '{oldId}', die es in dieser Version noch als Frage gibt."));
            }

            if (!context.Index.ContainsKey(newId))
            {
                errors.Add(new LoadError(source, line, $"Unter 'renamed' wird '{oldId}' auf die unbekannte Frage '{newId}' abgebildet."));
            }
        }
    }

    /// <summary>
    /// What an offer refers to outside the catalogue: the phases it serves are answers of the profile question
    /// 'phase', and the guides it is are loaded alongside it (known only when the whole folder is read).
    /// </summary>
    private static void CheckOfferReferences(ParsedFile offers, ParsedFile? profile, List<ParsedFile>? guides, List<LoadError> errors)
    {
        var phase = profile?.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => q.Id == PhaseQuestion);
        foreach (var offer in offers.OfferDrafts)
        {
            foreach (var value in profile is null ? [] : offer.Phases)
            {
                if (phase is null)
                {
                    errors.Add(new LoadError(offers.Source, value.Line, $"Unter 'phases' steht '{value.Id}', aber das Profil {profile?.Source} hat keine Frage '{PhaseQuestion}', deren Antworten hier stehen könnten."));
                }
                else if (phase.AnswerOptions.Count > 0 && phase.AnswerOptions.All(o => o.Value != value.Id))
                {
                    errors.Add(new LoadError(offers.Source, value.Line, $"Die Phase '{value.Id}' gibt es nicht. Möglich sind die Antworten der Profilfrage '{PhaseQuestion}': {string.Join(", ", phase.AnswerOptions.Select(o => o.Value))}."));
                }
            }

            // A catalogue read on its own has no guides to name; a guide whose id could not be read is reported already.
            if (guides is null or [] || guides.Any(g => g.Id is null))
            {
                continue;
            }

            foreach (var guide in offer.Guides)
            {
                if (guides.All(g => g.Id != guide.Id))
                {
                    var known = string.Join(", ", guides.Select(g => g.Id).OfType<string>());
                    errors.Add(new LoadError(offers.Source, guide.Line, $"Unter 'guide' steht der Leitfaden '{guide.Id}', den es nicht gibt. Geladen sind: {known}. Schreiben Sie die id aus dem Front Matter des Leitfadens."));
                }
            }
        }
    }

    // The profile question the phases of offers refer to (support is phase-aware).
    private const string PhaseQuestion = "phase";

    /// <summary>All questions of a guide in answering order, profile first, with their position.</summary>
    private sealed class GuideContext
    {
        public GuideContext(ParsedFile file, ParsedFile? profile)
        {
            File = file;
            Sections = (profile?.Sections ?? []).Concat(file.Sections).ToList();
            foreach (var (question, i) in Sections.SelectMany(s => s.Questions).Select((q, i) => (q, i)))
            {
                Index.TryAdd(question.Id, (question, i));
            }
        }

        public ParsedFile File { get; }

        public List<SectionDraft> Sections { get; }

        public Dictionary<string, (QuestionDraft Question, int Position)> Index { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// Section ids that are also fixed addresses under a respondent's link (/a/{token}/abschluss is the review page,
    /// /a/{token}/ergebnis the own profile, /a/{token}/neuer-durchgang joins the next round, /a/{token}/anderer-leitfaden
    /// the initiative's other guide): a section with such an id could never be opened. The one list of them: a web test
    /// checks that every fixed page below /a/{token}/ is named here.
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedSectionIds = ["abschluss", "ergebnis", "neuer-durchgang", "anderer-leitfaden"];

    private static void CheckIdsAndSections(GuideContext context, List<SectionDraft> own, List<LoadError> errors)
    {
        var sections = new Dictionary<string, SectionDraft>(StringComparer.Ordinal);
        var questions = new Dictionary<string, QuestionDraft>(StringComparer.Ordinal);
        foreach (var section in context.Sections)
        {
            var isOwn = own.Contains(section);
            if (ReservedSectionIds.Contains(section.Id))
            {
                errors.Add(new LoadError(section.Source, section.Line, $"Die Abschnitts-ID '{section.Id}' ist schon die Adresse einer Seite des Dienstes ({string.Join(", ", ReservedSectionIds)}); der Abschnitt ließe sich nie öffnen. Wählen Sie eine andere, zum Beispiel '{section.Id}-abschnitt'."));
            }

            if (sections.TryGetValue(section.Id, out var first))
            {
                if (isOwn)
                {
                    errors.Add(new LoadError(section.Source, section.Line, Where($"Die Abschnitts-ID '{section.Id}' ist doppelt", (first.Source, first.Line), (section.Source, section.Line))));
                }
            }
            else
            {
                sections[section.Id] = section;
            }

            if (isOwn && section.Questions.Count == 0)
            {
                errors.Add(new LoadError(section.Source, section.Line, $"Der Abschnitt '{section.Id}' enthält keine Fragen."));
            }

            foreach (var question in section.Questions)
            {
                if (questions.TryGetValue(question.Id, out var firstQuestion))
                {
                    if (isOwn)
                    {
                        errors.Add(new LoadError(question.Source, question.Line, Where($"Die Fragen-ID '{question.Id}' ist doppelt", (firstQuestion.Source, firstQuestion.Line), (question.Source, question.Line))));
                    }
                }
                else
                {
                    questions[question.Id] = question;
                }
            }
        }

        static string Where(string what, (string Source, int Line) first, (string Source, int Line) current) =>
            first.Source == current.Source ? $"{what} (zuerst in Zeile {first.Line})." : $"{what}: Sie ist schon in {first.Source}:{first.Line} vergeben.";
    }

    private static void CheckConditions(GuideContext context, List<LoadError> errors)
    {
        var position = 0;
        var edges = new Dictionary<string, List<(string Target, int Line)>>(StringComparer.Ordinal);
        foreach (var section in context.Sections)
        {
            var own = section.Source == context.File.Source;
            if (section.Condition is { } sc && own)
            {
                CheckClauses(context, sc, position, null, $"des Abschnitts '{section.Id}'", errors);
            }

            foreach (var question in section.Questions)
            {
                var list = edges[question.Id] = [];
                if (section.Condition is { } s)
                {
                    list.AddRange(s.Condition.Clauses.Select(c => (c.QuestionId, s.Line)));
                }

                if (question.Condition is { } qc)
                {
                    list.AddRange(qc.Condition.Clauses.Select(c => (c.QuestionId, qc.Line)));
                    if (own)
                    {
                        CheckClauses(context, qc, position, question.Id, $"der Frage '{question.Id}'", errors);
                    }
                }

                position++;
            }
        }

        ReportCycles(context, edges, errors);
    }

    private static void CheckClauses(GuideContext context, LocatedCondition condition, int ownerPosition, string? ownerId, string owner, List<LoadError> errors)
    {
        void Add(string message) => errors.Add(new LoadError(context.File.Source, condition.Line, message));
        foreach (var clause in condition.Condition.Clauses)
        {
            if (!context.Index.TryGetValue(clause.QuestionId, out var target))
            {
                Add($"Die Bedingung {owner} bezieht sich auf die unbekannte Frage '{clause.QuestionId}'.");
                continue;
            }

            if (target.Position >= ownerPosition)
            {
                // A question that refers to itself is reported once, as a cycle.
                if (clause.QuestionId != ownerId)
                {
                    Add($"Die Bedingung {owner} bezieht sich auf die Frage '{clause.QuestionId}', die erst später kommt ({target.Question.Source}:{target.Question.Line}). Bedingungen dürfen sich nur auf frühere Fragen beziehen.");
                }

                continue;
            }

            var question = target.Question;
            switch (question.Type)
            {
                case QuestionType.Text or QuestionType.LongText:
                    Add($"Die Bedingung {owner} bezieht sich auf die Freitextfrage '{question.Id}'; Bedingungen sind nur mit Auswahl- und Zahlenfragen möglich.");
                    break;
                case QuestionType.Number:
                    if (clause.Values.Any(v => !Clause.TryNumber(v, out _)))
                    {
                        Add($"Die Frage '{question.Id}' wird mit Zahlen beantwortet; die Bedingung {owner} vergleicht sie mit '{string.Join(", ", clause.Values)}'.");
                    }

                    break;
                case QuestionType.Scale or QuestionType.YesNo or QuestionType.Single or QuestionType.Multi:
                    var options = question.AnswerOptions;
                    if (clause.Operator is not (ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.In) && question.Type != QuestionType.Scale)
                    {
                        Add($"Die Bedingung {owner} vergleicht die Auswahlfrage '{question.Id}' mit < oder >; das geht nur bei Zahlen und Skalen.");
                        break;
                    }

                    foreach (var value in clause.Values.Where(v => options.Count > 0 && options.All(o => o.Value != v)))
                    {
                        Add($"Die Frage '{question.Id}' hat keine Antwort '{value}'. Möglich sind: {string.Join(", ", options.Select(o => o.Value))}.");
                    }

                    break;
            }
        }
    }

    private static void ReportCycles(GuideContext context, Dictionary<string, List<(string Target, int Line)>> edges, List<LoadError> errors)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var (target, line) in edges.GetValueOrDefault(id) ?? [])
            {
                if (!edges.ContainsKey(target))
                {
                    continue;
                }

                if (state.GetValueOrDefault(target) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(target)).Append(target).ToList();
                    var key = string.Join(' ', cycle.Skip(1).Order(StringComparer.Ordinal));
                    var owner = context.Index[id].Question;
                    if (reported.Add(key) && owner.Source == context.File.Source)
                    {
                        errors.Add(new LoadError(owner.Source, line, $"Die Bedingungen bilden einen Kreis: {string.Join(" → ", cycle)}. Eine Frage kann nicht von sich selbst abhängen."));
                    }
                }
                else if (state.GetValueOrDefault(target) == 0)
                {
                    Visit(target);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }

        foreach (var id in edges.Keys.Where(k => state.GetValueOrDefault(k) == 0).ToList())
        {
            Visit(id);
        }
    }

    private static Questionnaire Build(ParsedFile guide, ParsedFile? profile, ComparisonGroups comparison)
    {
        var sections = (profile?.Sections ?? []).Concat(guide.Sections).Select(s => s.Build()).ToArray();
        var sources = profile is null
            ? new[] { new SourceText(guide.Source, guide.Text) }
            : [new SourceText(guide.Source, guide.Text), new SourceText(profile.Source, profile.Text)];
        return new Questionnaire(
            guide.Id!, guide.Version!, Hash(sources), guide.Title!, guide.Subtitle, guide.Description!, guide.Audience!,
            guide.Minutes!.Value, guide.Scales, guide.Bands, sections,
            guide.Renamed.Where(r => !r.OldId.Contains('.', StringComparison.Ordinal)).ToDictionary(r => r.OldId, r => r.NewId, StringComparer.Ordinal), sources, guide.Checklist)
        {
            Comparison = comparison,
            RenamedOptions = (profile?.Renamed ?? []).Concat(guide.Renamed)
                .Select(r => (Key: r.OldId.Split('.', 2), r.NewId))
                .Where(r => r.Key.Length == 2)
                .GroupBy(r => r.Key[0], StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyDictionary<string, string>)g.DistinctBy(r => r.Key[1]).ToDictionary(r => r.Key[1], r => r.NewId, StringComparer.Ordinal),
                    StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// SHA-256 over the guide and the profile it is answered with (line endings already normalised),
    /// so an answered version is recognisable whatever the file names or the machine.
    /// </summary>
    private static string Hash(IEnumerable<SourceText> sources)
    {
        var text = string.Join("\n\u0000\n", sources.Select(s => s.Text));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
