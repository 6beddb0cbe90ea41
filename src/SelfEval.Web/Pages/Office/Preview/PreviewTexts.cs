using SelfEval.Scoring.Versions;

namespace SelfEval.Web.Pages.Office.Preview;

/// <summary>What the office reads in the preview and the comparison of a guide version.</summary>
public static class PreviewTexts
{
    public const string NothingSaved = "Vorschau: Hier wird nichts gespeichert. Sie sehen die Fragen so, wie eine Initiative sie beim Ausfüllen sieht.";

    public const string DraftDoesNotLoad = "Dieser Entwurf lässt sich nicht laden. Die Vorschau ist erst möglich, wenn die Fehler behoben sind:";

    public const string NoProfileWithErrors = "Ein Entwurf mit Fehlern lässt sich nicht als Profil ansehen. Beheben Sie erst die Fehler.";

    public const string NoChanges = "Keine Änderungen: Der Entwurf stellt dieselben Fragen wie die veröffentlichte Fassung, mit denselben Antworten, Gewichten, Bedingungen und Angeboten.";

    public const string NothingPublished = "Von diesem Leitfaden gibt es noch keine veröffentlichte Fassung. Alle Fragen sind neu; verglichen werden kann erst ab der zweiten Fassung.";

    public const string PresetsLabel = "Schnell wählen";

    public const string NoProfileAnswers = "ohne Angaben";

    /// <summary>The ready-made profiles: a label and the phase (a value of the profile question <c>phase</c>) it stands for.</summary>
    public static readonly IReadOnlyList<(string Label, string Phase)> Presets =
    [
        ("Gründungsteam", "gruendung"),
        ("Etablierte Initiative", "etabliert"),
    ];

    public static string Title(bool draft, string guideTitle) => draft ? $"Entwurf: {guideTitle}" : guideTitle;

    public static string Kicker(bool draft, string version) =>
        draft ? $"Servicestelle · Vorschau des Entwurfs (Version {version})" : $"Servicestelle · Vorschau der veröffentlichten Fassung (Version {version})";

    public static string NotAsked(int count) => count switch
    {
        0 => "Mit diesen Angaben werden in diesem Abschnitt alle Fragen gestellt.",
        1 => "Mit diesen Angaben wird eine Frage dieses Abschnitts nicht gestellt:",
        _ => $"Mit diesen Angaben werden {count} Fragen dieses Abschnitts nicht gestellt:",
    };

    public const string SectionSkipped = "Mit diesen Angaben wird dieser ganze Abschnitt übersprungen.";

    public static string Scenario(AnswerScenario scenario) => scenario switch
    {
        AnswerScenario.AllLow => "Alle Antworten niedrig",
        AnswerScenario.AllHigh => "Alle Antworten hoch",
        AnswerScenario.DividedTeam => $"Geteiltes Team ({GeneratedAnswers.DividedTeamSize} Personen, die Hälfte niedrig, die Hälfte hoch)",
        AnswerScenario.Mixed => "Gemischt (abwechselnd hoch und niedrig)",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    public static string ScenarioIntro(AnswerScenario scenario) => scenario switch
    {
        AnswerScenario.AllLow => "Eine Person gibt bei jeder bewerteten Frage die niedrigste Stufe an.",
        AnswerScenario.AllHigh => "Eine Person gibt bei jeder bewerteten Frage die höchste Stufe an.",
        AnswerScenario.DividedTeam => "Zwei Personen geben überall die niedrigste, zwei die höchste Stufe an: So sehen Sie, welche Fragen das Team besprechen soll.",
        AnswerScenario.Mixed => "Eine Person gibt bei der ersten bewerteten Frage die höchste, bei der nächsten die niedrigste Stufe an, und so fort. Stärken und Entwicklungsfelder sind Fragen, die vom eigenen Durchschnitt abweichen; nur ungleiche Antworten zeigen sie.",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    public static string Group(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "Neue Fragen",
        ChangeKind.Removed => "Entfallene Fragen",
        ChangeKind.Renamed => "Fragen mit neuer Kennung (über „renamed“ übernommen)",
        ChangeKind.Reworded => "Umformulierte Fragen",
        ChangeKind.HelpChanged => "Geänderte Erläuterungen",
        ChangeKind.TypeChanged => "Geänderter Antworttyp",
        ChangeKind.LevelsChanged => "Geänderte Antwortstufen oder -möglichkeiten",
        ChangeKind.WeightChanged => "Geänderte Gewichte",
        ChangeKind.ScoringChanged => "Geänderte Zuordnung in der Auswertung",
        ChangeKind.ConditionChanged => "Geänderte Bedingungen",
        ChangeKind.SectionMoved => "In einen anderen Abschnitt verschoben",
        ChangeKind.OfferChanged => "Geänderte Angebote",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string OfferGroup(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "Neu im Angebotskatalog",
        ChangeKind.Removed => "Aus dem Angebotskatalog entfernt",
        ChangeKind.Reworded => "Angebot umbenannt",
        ChangeKind.Renamed or ChangeKind.HelpChanged or ChangeKind.TypeChanged or ChangeKind.LevelsChanged or ChangeKind.WeightChanged
            or ChangeKind.ScoringChanged or ChangeKind.ConditionChanged or ChangeKind.SectionMoved or ChangeKind.OfferChanged => "Angebot geändert (Beschreibung, Anbieter, Kontakt, Phasen)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public const string Before = "bisher";

    public const string After = "neu";

    public const string Empty = "(keine)";

    /// <summary>The warning in plain words: what breaks, and what the author can do about it.</summary>
    public static string Warning(ComparabilityWarning warning, string question)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return warning.Kind switch
        {
            WarningKind.QuestionRemoved =>
                $"Frage {question} entfällt: Frühere Antworten darauf fließen nicht mehr in Trend und Vergleich ein und werden in den nächsten Durchgang nicht übernommen. Wenn die Frage nur eine neue Kennung bekommen hat, tragen Sie unter „renamed“ „{warning.QuestionId}: neue-kennung“ ein; dann werden die Antworten übernommen.",
            WarningKind.OptionsRemoved =>
                $"Bei Frage {question} fallen die Antworten {string.Join(", ", warning.Values.Select(v => $"„{v}“"))} weg: Wer sie früher gewählt hat, dessen Antwort wird nicht übernommen und zählt im Trend nicht mehr. Wenn eine Antwort nur umbenannt wurde, tragen Sie unter „renamed“ „{warning.QuestionId}.{warning.Values[0]}: neuer-wert“ ein.",
            WarningKind.TypeChanged =>
                $"Frage {question} hat einen anderen Antworttyp: Frühere Antworten passen nicht mehr und werden nicht übernommen; Trend und Vergleich beginnen bei dieser Frage neu.",
            WarningKind.LevelsRescored =>
                $"Die Stufen von Frage {question} sind anders bewertet: Dieselbe Antwort ergibt jetzt eine andere Punktzahl, der Trend gegenüber früheren Durchgängen ist bei dieser Frage und ihrem Abschnitt nicht mehr vergleichbar.",
            WarningKind.WeightChanged =>
                $"Frage {question} hat ein anderes Gewicht: Abschnitts- und Gesamtwerte werden anders berechnet als in früheren Durchgängen; der Trend ist dort nur eingeschränkt vergleichbar.",
            WarningKind.ScoringChanged =>
                $"Frage {question} zählt in der Auswertung jetzt anders (Aspekt, Wirkungsrichtung, Praxis oder Ergebnis): Die Werte dieser Bereiche sind mit früheren Durchgängen nur eingeschränkt vergleichbar.",
            _ => throw new ArgumentOutOfRangeException(nameof(warning)),
        };
    }

    public const string WarningsTitle = "Was die Vergleichbarkeit bricht";

    public const string NoWarnings = "Keine der Änderungen bricht den Vergleich mit früheren Durchgängen oder die Übernahme von Antworten.";
}
