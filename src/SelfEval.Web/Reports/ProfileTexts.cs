using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Scoring.Statistics;

namespace SelfEval.Web.Reports;

/// <summary>
/// Every sentence of the profile, in one place for the page and the PDF. The report model carries numbers and
/// enums; the method's thresholds come in as arguments from <see cref="Method"/>, never as literals.
/// </summary>
public static class ProfileTexts
{
    public const string NotAssessable = "nicht bewertbar";

    /// <summary>"68" or "nicht bewertbar".</summary>
    public static string Value(ScoreLine line) => line.Shown is { } v ? Format.Number(v) : NotAssessable;

    /// <summary>"68 · Fortgeschritten", "41 · Umfeld", "68 von 100" or "nicht bewertbar".</summary>
    public static string ValueAndBand(ScoreLine line) =>
        line.Shown is null ? NotAssessable : BandOf(line) is { } band ? $"{Value(line)} · {band}" : $"{Value(line)} von 100";

    public static string Number(decimal? value) => value is { } v ? Format.Number(Format.Whole(v)) : "–";

    public const string OverallLabel = "Gesamt";

    /// <summary>The sentence beside the overall figure: the guide's band text, or why there is none.</summary>
    public static string OverallSentence(ProfileReport r) =>
        r.OverallBand?.Text ?? "Für einen Gesamtwert wurden zu wenige Fragen beantwortet.";

    public static string Respondents(ProfileHeader h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.OwnAnswersOnly)
        {
            return "nur Ihre eigenen Antworten";
        }

        var people = h.Respondents == 1 ? "Antworten von 1 Person" : $"Antworten von {h.Respondents} Personen";
        return h.Incomplete > 0 ? $"{people}, davon {h.Incomplete} unvollständig" : people;
    }

    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", Format.German);

    /// <summary>How one question was answered, in the guide's words: "3 – weitgehend umgesetzt", or for a team "Mittel 47 · 3 Antworten, von „1 – …“ bis „4 – …“".</summary>
    public static string Answer(AnswerSummary a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var dontKnow = a.DontKnow > 0 ? $", {a.DontKnow}× {DontKnow}" : string.Empty;
        var notRelevant = a.NotRelevant > 0 ? $", {a.NotRelevant}× nicht relevant" : string.Empty;
        return a.State switch
        {
            AnswerState.Answered when !a.Team => Choice(a.Lowest!),
            AnswerState.Answered => $"Mittel {Number(a.Mean)} · {(a.Answers == 1 ? "1 Antwort" : $"{a.Answers} Antworten")}, {Range(a)}{notRelevant}{dontKnow}",
            AnswerState.DontKnowOnly => a.Team ? $"{a.DontKnow}× {DontKnow}{notRelevant}" : DontKnow,
            AnswerState.NotRelevant => "nicht relevant für unsere Ziele" + dontKnow,
            AnswerState.NotAsked => "nicht gefragt" + dontKnow,
            AnswerState.Unanswered => "nicht beantwortet" + dontKnow,
            _ => throw new ArgumentOutOfRangeException(nameof(a)),
        };
    }

    /// <summary>"alle „3 – weitgehend“" or "von „1 – …“ bis „4 – …“".</summary>
    public static string Range(AnswerSummary a) =>
        a.Lowest is null ? string.Empty
        : a.AllAgree ? $"alle „{Choice(a.Lowest)}“"
        : $"von „{Choice(a.Lowest)}“ bis „{Choice(a.Highest!)}“";

    public static string Choice(ChoiceRef c) => c.Level is { } level ? $"{level} – {c.Label}" : c.Label;

    private const string DontKnow = "weiß nicht";

    public static string Urgency(Urgency urgency) => urgency switch
    {
        Scoring.Profile.Urgency.High => "hoch",
        Scoring.Profile.Urgency.Medium => "mittel",
        Scoring.Profile.Urgency.Low => "niedrig",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency)),
    };

    public static string Position(QuartilePosition position) => position switch
    {
        QuartilePosition.Lower => "unteres Viertel",
        QuartilePosition.Middle => "Mittelfeld",
        QuartilePosition.Upper => "oberes Viertel",
        _ => throw new ArgumentOutOfRangeException(nameof(position)),
    };

    // The page's sections, in reading order; headings say the same on the page and in the PDF.
    public const string SummaryTitle = "Auf einen Blick";
    public const string GoalsTitle = "Ihre Ziele";
    public const string FactsTitle = "Ihre Initiative";
    public const string SectionsTitle = "Ihre Abschnitte";
    public const string AspectsTitle = "Aspekte und Wirkungsrichtungen";
    public const string StrengthsTitle = "Stärken";
    public const string WeaknessesTitle = "Entwicklungsfelder";
    public const string OffersTitle = "Passende Angebote";
    public const string DiscussTitle = "Worüber Ihr Team sprechen sollte";
    public const string TeamTitle = "Einigkeit im Team";
    public const string BenchmarkTitle = "Im Vergleich mit ähnlichen Initiativen";
    public const string ChecklistTitle = "Aufbau-Checkliste";
    public const string DetailsTitle = "Alle Abschnitte im Einzelnen";
    public const string AppendixTitle = "Anhang";
    public const string NextStepLabel = "Nächster Schritt: ";
    public const string AnswerLabel = "Antwort: ";

    public static string TrendTitle(TrendReport t) => $"Entwicklung seit Durchgang {t.PreviousRound}";

    /// <summary>Under "Stärken": what the list is, or plainly why it is empty.</summary>
    public static string StrengthsIntro(ProfileReport r) => r.Spread switch
    {
        Spread.TooFewAnswers => TooFewForLists,
        Spread.Even => EvenProfile(r.ItemMean),
        Spread.Uneven when r.Strengths.Count == 0 => $"Keine Frage ragt um {Format.Number(Method.OutlierMargin)} Punkte oder mehr über Ihren Durchschnitt von {Number(r.ItemMean)} hinaus.",
        Spread.Uneven when r.ItemMean + Method.OutlierMargin > 100 => $"Fragen mit dem Bestwert 100, über Ihrem Durchschnitt von {Number(r.ItemMean)}.",
        Spread.Uneven => $"Fragen, die um {Format.Number(Method.OutlierMargin)} Punkte oder mehr über Ihrem Durchschnitt von {Number(r.ItemMean)} liegen (und mindestens bei {Format.Number(Method.WeaknessBelow)}).",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    /// <summary>Under "Entwicklungsfelder": what the list is, or plainly why it is empty.</summary>
    public static string WeaknessesIntro(ProfileReport r) => r.Spread switch
    {
        Spread.TooFewAnswers => TooFewForLists,
        Spread.Even => EvenProfile(r.ItemMean),
        Spread.Uneven when r.Weaknesses.Count == 0 => $"Keine Frage fällt um {Format.Number(Method.OutlierMargin)} Punkte oder mehr hinter Ihren Durchschnitt von {Number(r.ItemMean)} zurück.",
        Spread.Uneven when r.ItemMean - Method.OutlierMargin < 0 => $"Fragen mit dem niedrigsten Wert 0, unter Ihrem Durchschnitt von {Number(r.ItemMean)}, die dringendsten zuerst, jeweils mit dem nächsten Schritt.",
        Spread.Uneven => $"Fragen, die um {Format.Number(Method.OutlierMargin)} Punkte oder mehr unter Ihrem Durchschnitt von {Number(r.ItemMean)} liegen (und unter {Format.Number(Method.StrengthFrom)}), die dringendsten zuerst, jeweils mit dem nächsten Schritt.",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    private static string TooFewForLists =>
        $"Es sind noch zu wenige Fragen beantwortet, um Stärken und Entwicklungsfelder zu benennen (mindestens {Method.MinItemsForLists} bewertete Fragen).";

    private static string EvenProfile(decimal? mean) =>
        $"Ihre Antworten liegen nah beieinander (Durchschnitt {Number(mean)}): Keine Frage weicht um {Format.Number(Method.OutlierMargin)} Punkte oder mehr davon ab. " +
        "Die Abschnitte oben zeigen, wo Sie insgesamt stehen.";

    public static string OffersIntro(ProfileReport r) =>
        r.SupportNeeds.Count == 0 && r.ItemMean is null
            ? "Es ist noch keine bewertete Frage beantwortet; Angebote ergeben sich aus Ihren Antworten."
            : r.SupportNeeds.Count == 0
            ? $"Keine Antwort liegt unter {Format.Number(Method.WeaknessBelow)}; aus Ihren Antworten ergibt sich derzeit kein besonderer Unterstützungsbedarf."
            : $"Höchstens {Method.MaxSupportNeeds} Angebote, geordnet nach den Lücken Ihrer Antworten unter {Format.Number(Method.WeaknessBelow)} (Lücke × Gewicht). " +
              $"Dringlichkeit „hoch“ heißt: Mindestens eine Antwort liegt am unteren Ende ihrer Skala." +
              (r.OffersDate is { } d ? " " + OffersAsOf(d) : string.Empty);

    public const string BecauseLabel = "Aus diesen Antworten:";
    public const string NextStepsLabel = "Nächste Schritte:";

    public static string FurtherItems(int n) => n == 1 ? "… und 1 weitere Antwort." : $"… und {n} weitere Antworten.";

    /// <summary>The one agreement figure, and how to read it.</summary>
    public static string Agreement(TeamAgreement team) =>
        team.Overall is { } o
            ? $"Ihr Team ist sich in seinen Antworten zu {Format.Number(Format.Whole(o))} von 100 einig (100 heißt: alle haben gleich geantwortet)."
            : "Für eine Aussage zur Einigkeit haben zu wenige Personen dieselben Fragen beantwortet.";

    public static string DiscussIntro(TeamAgreement team) =>
        team.Discuss.Count == 0
            ? $"Bei keiner Frage liegen die Antworten {Method.DiscussFromSteps} Skalenstufen oder mehr auseinander."
            : $"Bei {(team.Discuss.Count == 1 ? "1 Frage liegen" : $"{team.Discuss.Count} Fragen liegen")} die Antworten {Method.DiscussFromSteps} Skalenstufen oder mehr auseinander; die größten Unterschiede zuerst. " +
              "Jeder Punkt ist eine Person; wer was geantwortet hat, zeigt SelfEval nicht.";

    public static string DiscussMore(int more) => more == 1 ? "1 weitere Frage steht in der vollständigen Liste im Anhang." : $"{more} weitere Fragen stehen in der vollständigen Liste im Anhang.";

    public static string Steps(int steps) => steps == 1 ? "1 Stufe auseinander" : $"{steps} Stufen auseinander";

    public static string UnansweredNote(int questions) => questions == 1
        ? "1 Frage ist noch unbeantwortet; sie fließt nicht in die Werte ein."
        : $"{questions} Fragen sind noch unbeantwortet; sie fließen nicht in die Werte ein.";

    public static string CoverNote =>
        "Dieses Profil zeigt, wo Ihre Initiative nach Ihren eigenen Antworten steht: Stärken, Entwicklungsfelder und die Angebote der Servicestelle, die dazu passen. " +
        "Es misst an den Zielen Ihrer Initiative, nicht an einer Rangliste. Wie jede Zahl entstanden ist, erklärt der Anhang „So wurde gerechnet“.";

    public const string ChecklistIntro = "Alles, was noch nicht vollständig umgesetzt ist, mit dem nächsten Schritt.";

    public static string Delta(decimal? delta) => delta is { } d ? Format.Signed(d) : "–";

    /// <summary>"Ergebnisprofil-Sich-gut-aufstellen-Mustertal-2026-12-01.pdf": initiative and date, safe in any file system.</summary>
    public static string FileName(ProfileHeader h, string extension)
    {
        ArgumentNullException.ThrowIfNull(h);
        static string Safe(string text)
        {
            var map = new Dictionary<char, string> { ['ä'] = "ae", ['ö'] = "oe", ['ü'] = "ue", ['Ä'] = "Ae", ['Ö'] = "Oe", ['Ü'] = "Ue", ['ß'] = "ss" };
            var b = new System.Text.StringBuilder();
            foreach (var c in text)
            {
                if (map.TryGetValue(c, out var r)) { b.Append(r); }
                else if (char.IsAsciiLetterOrDigit(c)) { b.Append(c); }
                else if (b.Length > 0 && b[^1] != '-') { b.Append('-'); }
            }

            return b.ToString().Trim('-') is { Length: > 0 } s ? (s.Length > 60 ? s[..60].TrimEnd('-') : s) : "Initiative";
        }

        return $"Ergebnisprofil-{Safe(h.GuideTitle)}-{Safe(h.InitiativeName)}-{h.Date:yyyy-MM-dd}.{extension}";
    }

    /// <summary>Shown instead of a band where a figure describes the surroundings (regional context).</summary>
    public const string ContextBand = "Umfeld";

    /// <summary>Said once wherever a figure is marked <see cref="ContextBand"/>.</summary>
    public const string ContextNote = "„Umfeld“: Diese Werte beschreiben, wie Politik, Verwaltung, Presse und Öffentlichkeit in Ihrer Region zu Ihrer Initiative und zur Industrie stehen. Das liegt nicht allein in Ihrer Hand; sie zählen deshalb nicht in den Gesamtwert und nicht als Entwicklungsfeld.";

    /// <summary>The band a line shows: the guide's band, or that it describes the surroundings.</summary>
    public static string? BandOf(ScoreLine line) => line.IsContext ? ContextBand : line.Band;

    public const string MeasuresTitle = "Vorgehen und Ergebnisse";

    public static string Label(Measure measure) => measure switch
    {
        Measure.Practice => "Vorgehen",
        Measure.Result => "Ergebnisse",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>The practice and result lines as score lines, or none where no answered question measures either (older guide versions).</summary>
    public static IReadOnlyList<ScoreLine> MeasureLines(IReadOnlyList<MeasureLine> measures) =>
        measures.Any(m => m.Value is not null)
            ? measures.Select(m => m.ToLine(Label(m.Measure))).ToList()
            : [];

    /// <summary>"Vorgehen 75 · Ergebnisse nicht bewertbar" for a section, or null.</summary>
    public static string? MeasuresInline(IReadOnlyList<MeasureLine> measures) =>
        MeasureLines(measures) is { Count: > 0 } lines ? string.Join(" · ", lines.Select(l => $"{l.Label} {Value(l)}")) : null;

    /// <summary>
    /// How many scored answers came with a note of what they rest on ("bei 12 von 50 Antworten mit Beleg"); said
    /// only where there is at least one, for a round in which nobody used the field has nothing to report.
    /// </summary>
    public static string EvidenceSentence(EvidenceCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var answers = count.Answers == 1 ? "1 Antwort" : $"{count.Answers} Antworten";
        return $"Bei {count.WithEvidence} von {answers} mit Beleg: Hier wurde angegeben, woran die Einschätzung festgemacht ist. Die Belege stehen ohne Namen im Anhang.";
    }

    public static bool SaysEvidence(ProfileReport report) => report?.Evidence is { WithEvidence: > 0 };

    public const string EvidenceTitle = "Belege zu den Antworten";

    public const string EvidenceNote = "Woran die Antworten festgemacht sind, ohne Namen und alphabetisch geordnet, damit die Reihenfolge nicht verrät, von wem ein Beleg stammt.";

    public static string DontKnowNote(int questions) => questions == 1
        ? "1 Frage wurde nur mit „weiß nicht“ beantwortet; sie fließt nicht in die Werte ein, senkt aber die Abdeckung."
        : $"{questions} Fragen wurden nur mit „weiß nicht“ beantwortet; sie fließen nicht in die Werte ein, senken aber die Abdeckung.";

    /// <summary>"Servicestelle · seit 2019", or null when the catalogue says neither.</summary>
    public static string? OfferFacts(SupportNeed need)
    {
        ArgumentNullException.ThrowIfNull(need);
        var parts = new[]
        {
            need.Provider,
            need.Since is { } since ? $"seit {since}" : null,
        }.OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    public const string ContactLabel = "Kontakt: ";

    public const string AlsoWorthALook = "Auch einen Blick wert: ";

    public static string OffersAsOf(DateOnly date) => $"Stand des Angebotskatalogs: {date.ToString("d. MMMM yyyy", Format.German)}.";

    public const string BenchmarkNeedsCode =
        "Für den Vergleich mit anderen Initiativen braucht Ihre Initiative einen Vergleichscode der Servicestelle. " +
        "Die Servicestelle gibt ihn an die Initiativen des Netzwerks aus; Sie geben ihn auf Ihrer Koordinationsseite unter „Anonymer Vergleich“ ein.";

    public static string BenchmarkTooFew(int k) =>
        $"Für einen Vergleich gibt es noch zu wenige vergleichbare Initiativen: Er braucht mindestens {k}, die mit einem Vergleichscode teilnehmen und ihre Ergebnisse anonym teilen.";

    /// <summary>The sentence above the bands: the group, how many, the date of the figures, and a caveat for small groups.</summary>
    public static string BenchmarkIntro(SelfEval.Scoring.Profile.BenchmarkReport b)
    {
        var date = b.AsOf is { } d ? $" Stand der Vergleichszahlen: {d.ToString("d. MMMM yyyy", SelfEval.Scoring.Profile.Format.German)}." : string.Empty;
        var few = b.Count < SelfEval.Scoring.Profile.BenchmarkReport.FewFrom
            ? $" Bei weniger als {SelfEval.Scoring.Profile.BenchmarkReport.FewFrom} Initiativen ist der Vergleich nur ein grober Anhaltspunkt."
            : string.Empty;
        return $"Verglichen mit {b.Group} ({b.Count} Initiativen, die ihre Ergebnisse anonym teilen).{date}{few}";
    }

    // --- added by the HTML profile (Razor components) ---

    /// <summary>The line above the initiative's name: "Ergebnisprofil · Sich gut aufstellen · Durchgang 2".</summary>
    public static string Kicker(ProfileHeader h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return $"Ergebnisprofil · {h.GuideTitle} · Durchgang {h.RoundNumber}";
    }

    /// <summary>The line under the initiative's name: date, who answered, the guide's version.</summary>
    public static string HeaderMeta(ProfileHeader h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return $"Stand {Date(h.Date)} · {Respondents(h)} · Leitfaden-Version {h.Version}";
    }

    /// <summary>After the big overall figure.</summary>
    public const string OutOf = "von 100";

    /// <summary>"Gesamt: Fortgeschritten" beside the overall figure.</summary>
    public static string OverallBandLine(ScoreLine overall)
    {
        ArgumentNullException.ThrowIfNull(overall);
        return $"{OverallLabel}: {overall.Band ?? NotAssessable}";
    }

    public const string ContentsTitle = "Inhalt";

    /// <summary>The tag beside an offer's title.</summary>
    public static string UrgencyTag(Urgency urgency) => $"Dringlichkeit {Urgency(urgency)}";

    public const string StateLabel = "Stand: ";

    /// <summary>Marks a question in the details whose answers lie far apart.</summary>
    public const string DiscussMark = "Diskussionsbedarf";

    /// <summary>The appendix's full list of questions to discuss.</summary>
    public const string DiscussAllTitle = "Alle Fragen mit Diskussionsbedarf";

    public const string AgreementBySectionTitle = "Einigkeit je Abschnitt";

    /// <summary>How to read the benchmark chart.</summary>
    public const string BenchmarkLegend = "Das Band zeigt die mittlere Hälfte der vergleichbaren Initiativen, der Strich ihren Median, der Punkt Ihren Wert.";

    /// <summary>The benchmark line's figure: "62 · Mittelfeld" or "nicht bewertbar".</summary>
    public static string BenchmarkValue(BenchmarkLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Score is { } v ? $"{Number(v)}{(line.Position is { } p ? " · " + Position(p) : string.Empty)}" : NotAssessable;
    }

    public const string TrendSectionColumn = "Abschnitt";
    public const string TrendBeforeColumn = "vorher";
    public const string TrendNowColumn = "jetzt";
    public const string TrendChangeColumn = "Veränderung";

    /// <summary>What a row of dots says to a screen reader: each person's answer on the 0–100 scale, nameless.</summary>
    public static string Dots(IReadOnlyList<decimal> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var values = string.Join(", ", points.Select(p => Number(p)));
        return points.Count == 1 ? $"1 Person, Antwort {values} von 100" : $"{points.Count} Personen, Antworten {values} von 100";
    }

    /// <summary>Under the dot rows' axis: what a dot is.</summary>
    public const string DotsLegend = "Jeder Punkt ist eine Person (0 = niedrigste, 100 = höchste Stufe der Frage).";

    public const string AgreementLabel = "Einigkeit";

    // --- added by the PDF part ---

    /// <summary>What the document is, above the guide's title on page one.</summary>
    public const string ProfileKind = "Ergebnisprofil";

    public static string Round(int round) => $"Durchgang {round}";

    /// <summary>"„Sich gut aufstellen“, Version 2.0": which guide, in which version, the figures come from.</summary>
    public static string GuideVersion(ProfileHeader h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return $"„{h.GuideTitle}“, Version {h.Version}";
    }

    public static string PageOf(int page, int total) => $"Seite {page} von {total}";

    /// <summary>"Einigkeit 58" in a section's summary line.</summary>
    public static string AgreementInline(decimal agreement) => $"Einigkeit {Format.Number(Format.Whole(agreement))}";

    public const string NumberColumn = "Nr.";
    public const string QuestionColumn = "Frage";
    public const string StateColumn = "Stand";
    public const string NextStepColumn = "Nächster Schritt";
    public const string TrendItemsTitle = "Fragen mit den größten Veränderungen";

    /// <summary>"Stand 1. Dezember 2026" in the page footer.</summary>
    public static string AsOf(DateOnly date) => $"Stand {Date(date)}";

    // --- the team conversation: consensus, action plan, actions in the trend ---

    public const string ConsensusTitle = "Nach dem Teamgespräch";

    /// <summary>"bei 1 Frage" / "bei 5 Fragen".</summary>
    private static string AgreedQuestions(int n) => n == 1 ? "bei 1 Frage" : $"bei {n} Fragen";

    public static string ConsensusIntro(ConsensusReport c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"Im Teamgespräch hat sich Ihr Team {AgreedQuestions(c.Agreed)} auf eine gemeinsame Antwort geeinigt. " +
            "Die Tabelle zeigt den Mittelwert der einzelnen Antworten neben dem Wert, in dem die vereinbarten Antworten an die Stelle der einzelnen treten. " +
            "Stärken, Entwicklungsfelder und Angebote folgen den vereinbarten Antworten, denn sie sind, was das Team entschieden hat; " +
            "die übrigen Werte des Profils bleiben beim Mittelwert, damit sie mit früheren Durchgängen vergleichbar sind. " +
            "„–“ heißt: zu wenige Antworten für einen Wert.";
    }

    /// <summary>Page one, beside the overall figure: "Nach dem Teamgespräch: 72 · bei 5 Fragen geeinigt".</summary>
    public static string ConsensusSummary(ConsensusReport c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var value = c.Overall.Consensus.Shown is { } v ? Format.Number(v) : NotAssessable;
        return $"{ConsensusTitle}: {value} · {AgreedQuestions(c.Agreed)} geeinigt";
    }

    public const string ConsensusSectionColumn = "Abschnitt";
    public const string ConsensusMeanColumn = "Mittel der Antworten";
    public const string ConsensusColumn = "nach dem Gespräch";
    public const string ConsensusDeltaColumn = "Unterschied";
    public const string ConsensusAgreedColumn = "vereinbart";

    /// <summary>Beside an answer in the lists that the team agreed on in its conversation.</summary>
    public const string AgreedMark = "im Teamgespräch vereinbart";

    /// <summary>How a listed question was answered, and that the team agreed on it where it did.</summary>
    public static string Answer(ItemRef item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Agreed ? $"{Answer(item.Answer)} ({AgreedMark})" : Answer(item.Answer);
    }

    /// <summary>In the details beside the individual answers: "Im Teamgespräch vereinbart: 3 – oft. Weil …", or null.</summary>
    public static string? AgreedDetail(DetailItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Agreed is not { } agreed)
        {
            return null;
        }

        var note = string.IsNullOrWhiteSpace(item.AgreedNote) ? string.Empty : " – " + item.AgreedNote.Trim();
        return $"Im Teamgespräch vereinbart: {Answer(agreed)}{note}";
    }

    public const string ActionPlanTitle = "Maßnahmenplan";

    public static string ActionPlanIntro(IReadOnlyList<ActionLine> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var count = actions.Count == 1 ? "1 Maßnahme" : $"{actions.Count} Maßnahmen";
        return $"{count}, die Ihr Team im Teamgespräch beschlossen hat, nach Termin geordnet (ohne Termin zuletzt). Im nächsten Durchgang markiert das Team, was daraus geworden ist.";
    }

    public const string ActionQuestionColumn = "Frage";
    public const string ActionWhatColumn = "Was";
    public const string ActionWhoColumn = "Wer";
    public const string ActionDueColumn = "Bis";
    public const string ActionStatusColumn = "Stand";

    /// <summary>The question an action is about: "2.3 Wie …?", or that the guide no longer asks it.</summary>
    public static string ActionQuestion(ActionLine a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Number is { } n ? $"{n} {a.Text}" : "Frage nicht mehr im Leitfaden";
    }

    /// <summary>The section an action's question belongs to: "Abschnitt 2 Außen".</summary>
    public static string? ActionSection(ActionLine a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.SectionNumber is { } n ? $"Abschnitt {n} {a.SectionTitle}" : null;
    }

    /// <summary>"15.01.2027", or a dash where no date was set.</summary>
    public static string Due(DateOnly? due) => due is { } d ? d.ToString("dd.MM.yyyy", Format.German) : "–";

    public static string Who(string? who) => string.IsNullOrWhiteSpace(who) ? "–" : who;

    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.Open => "offen",
        ActionStatus.Done => "erledigt",
        ActionStatus.Partly => "teilweise erledigt",
        ActionStatus.NotDone => "nicht erledigt",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Beside an action taken over from an earlier round.</summary>
    public static string FromRound(int round) => $"aus Durchgang {round}";

    /// <summary>Page one: how many actions and which is due next, or null where the round has none.</summary>
    /// <param name="what">The next action's text as shown, where page one shortens it to keep the line to one.</param>
    public static string? ActionsSummary(ProfileReport r, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Actions.Count == 0)
        {
            return null;
        }

        var count = r.Actions.Count == 1 ? "1 Maßnahme" : $"{r.Actions.Count} Maßnahmen";
        return r.NextAction is { } next
            ? $"{ActionPlanTitle}: {count}; als Nächstes bis {Due(next.Due)}: „{what ?? next.What}“{(string.IsNullOrWhiteSpace(next.Who) ? string.Empty : $" ({next.Who})")}."
            : $"{ActionPlanTitle}: {count}, keine mit offenem Termin.";
    }

    public static string TrendActionsTitle(TrendReport t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return $"Maßnahmen aus Durchgang {t.PreviousRound}";
    }

    /// <summary>"Von 5 Maßnahmen aus Durchgang 1 hat Ihr Team 2 als erledigt, 1 als teilweise erledigt und 1 als nicht erledigt markiert; 1 ist nicht markiert."</summary>
    public static string TrendActionsSummary(TrendReport t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var (done, partly, notDone, open) = (t.ActionsWith(ActionStatus.Done), t.ActionsWith(ActionStatus.Partly), t.ActionsWith(ActionStatus.NotDone), t.ActionsWith(ActionStatus.Open));
        var marked = new[] { (done, "als erledigt"), (partly, "als teilweise erledigt"), (notDone, "als nicht erledigt") }
            .Where(x => x.Item1 > 0).Select(x => $"{x.Item1} {x.Item2}").ToList();
        var all = t.Actions.Count == 1 ? "Von 1 Maßnahme" : $"Von {t.Actions.Count} Maßnahmen";
        var said = marked.Count == 0 ? $"{all} aus Durchgang {t.PreviousRound} hat Ihr Team keine markiert"
            : $"{all} aus Durchgang {t.PreviousRound} hat Ihr Team {(marked.Count == 1 ? marked[0] : string.Join(", ", marked[..^1]) + " und " + marked[^1])} markiert";
        var rest = open == 0 || marked.Count == 0 ? "." : open == 1 ? "; 1 ist nicht markiert." : $"; {open} sind nicht markiert.";
        return said + rest + " Daneben steht die Veränderung des Abschnitts, zu dem die Frage der Maßnahme gehört.";
    }

    public const string TrendActionColumn = "Maßnahme";
    public const string TrendActionSectionColumn = "Abschnitt vorher → jetzt";

    /// <summary>"1 Innen: 19 → 81".</summary>
    public static string SectionChange(TrendLine? section) =>
        section is null ? "–" : $"{section.Label}: {Number(section.Before)} → {Number(section.Now)}";
}
