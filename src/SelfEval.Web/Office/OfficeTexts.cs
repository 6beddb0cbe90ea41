using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Statistics;

namespace SelfEval.Web.Office;

/// <summary>What the office reads about withheld and earlier figures, in one place for the page and the exports.</summary>
public static class OfficeTexts
{
    public const string SnapshotPublished = "Ein neuer Datenstand ist veröffentlicht. Die Zahlen unten stammen aus ihm.";

    public const string LoggedOut = "Sie sind abgemeldet.";

    public static string Withheld(DisclosureDecision? why) => why switch
    {
        DisclosureDecision.WouldIsolate =>
            "zurückgehalten: zusammen mit einer bereits veröffentlichten Zahl ließen sich sonst einzelne Initiativen herausrechnen",
        DisclosureDecision.TooFew or DisclosureDecision.Release or null => "zu wenige Initiativen für eine anonyme Auswertung",
        _ => "zu wenige Initiativen für eine anonyme Auswertung",
    };

    public static string Earlier(DateTimeOffset date) =>
        $"Stand {SelfEval.Web.Data.Time.LongDate(date)}: neuere Zahlen würden einzelne Initiativen erkennbar machen";

    public static string Date(DateTimeOffset date) => SelfEval.Web.Data.Time.LongDate(date);
}
