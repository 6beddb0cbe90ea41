namespace SelfEval.Web.Reports;

/// <summary>Sentences of the profile's comparison, in one place for the page and the PDF.</summary>
public static class ProfileTexts
{
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
