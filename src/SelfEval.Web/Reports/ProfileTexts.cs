using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports;

/// <summary>Sentences of the profile, in one place for the page and the PDF.</summary>
public static class ProfileTexts
{
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
        MeasureLines(measures) is { Count: > 0 } lines ? string.Join(" · ", lines.Select(l => $"{l.Label} {l.Display}")) : null;

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
}
