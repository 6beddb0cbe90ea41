using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using static SelfEval.Scoring.Tests.Scoring.ScorerTests;

namespace SelfEval.Scoring.Tests.Scoring;

/// <summary>
/// Selective advice: every weak item feeds one offer (its main one, else its first eligible optional one),
/// offers rank by summed priority, at most three are kept.
/// </summary>
public sealed class SupportNeedTests
{
    private static readonly ProfileSubject Subject = new("Initiative Süd", new DateOnly(2026, 11, 22), 1);

    // "wertung" is the fixture guide's id: o6 is that guide itself.
    private static readonly OfferCatalog Catalog = new("angebote", "Angebote",
    [
        Offer("o1"),
        Offer("o2") with { Provider = "Servicestelle", Contact = "kontakt@example.org", Since = "2019-04" },
        Offer("o3"),
        Offer("o4") with { Phases = ["etabliert"] },
        Offer("o5") with { Phases = ["gruendung", "aufbau"] },
        Offer("o6") with { GuideIds = ["andere", "wertung"] },
        Offer("o7") with { GuideIds = ["andere"] },
    ], new SourceText("angebote.md", string.Empty))
    {
        Date = new DateOnly(2026, 11, 20),
    };

    private static SupportOffer Offer(string id) => new(id, $"Angebot {id.ToUpperInvariant()}", $"Beschreibung {id}.", null);

    /// <summary>"a=o1 b=o2:o3,o4" — question, main offer ("-" for none), optional offers after the colon.</summary>
    private static Questionnaire Offers(string offers)
    {
        var map = offers.Split(' ').Select(o => o.Split('=')).ToDictionary(o => o[0], o => o[1].Split(':'));
        return With(Wertung, q => map.TryGetValue(q.Id, out var o)
            ? q with { MainOfferId = o[0] == "-" ? null : o[0], OfferIds = o.Length > 1 ? o[1].Split(',') : [] }
            : q with { MainOfferId = null, OfferIds = [] });
    }

    private static ProfileReport Report(string offers, string answers, Dictionary<string, Answer>? profile = null) =>
        ProfileBuilder.Build(Scorer.Score(Offers(offers), profile ?? Gruendung, [Person(answers)]), Catalog, Subject);

    private static string Needs(ProfileReport report) =>
        string.Join(" ", report.SupportNeeds.Select(n => $"{n.OfferId}:{n.Priority:0.#}"));

    // All weak: a 25 (weight 4) → 60, b 25 (2) → 30, c 0 (2) → 48, d 25 (1) → 15, e 0 (1) → 24.
    private const string AllWeak = "a=1 b=3 c=nein d=1 e=nein";

    [Theory]
    [InlineData("a=o1 b=o2 c=o3 d=o5 e=o7", AllWeak, "o1:60 o3:48 o2:30")]               // five offers, the three most urgent kept
    [InlineData("a=o1 b=o2 c=o2 d=o3 e=o3", AllWeak, "o2:78 o1:60 o3:39")]               // priorities of one offer add up
    [InlineData("a=o1 b=o3 c=o2 d=o5 e=o5", "a=4 b=4 c=nein d=4 e=ja", "o2:48 o3:48")]    // a tie goes by catalogue order, not by question order
    [InlineData("a=o1 b=o2 c=o3 d=o5 e=o7", "a=4 b=0 c=ja d=4 e=ja", "")]                // nothing weak, no advice
    [InlineData("a=-:o2,o3 b=-:o3 c=- d=- e=-", AllWeak, "o2:60 o3:30")]                 // no main offer (an older version): the first optional one
    [InlineData("a=o9:o3 b=- c=- d=- e=-", AllWeak, "o3:60")]                           // a main offer the catalogue lacks: the first optional one
    [InlineData("a=o6:o1 b=o6 c=o7 d=- e=-", AllWeak, "o1:60 o7:48")]                   // never the guide being filled in; another guide is fine
    [InlineData("a=o4:o4,o5,o1 b=o5 c=o4 d=- e=-", AllWeak, "o5:90")]                   // phase gruendung: o4 (etabliert only) is out, o5 serves it
    public void Support_needs_are_selective(string offers, string answers, string expected)
    {
        Assert.Equal(expected, Needs(Report(offers, answers)));
    }

    [Theory]
    [InlineData("etabliert", "o4:60")]            // o4 serves etabliert; o5 does not, and b has no other offer
    [InlineData(null, "o4:60 o5:30")]             // phase unknown: every offer is eligible
    public void The_phase_filter_follows_the_profile_answer(string? phase, string expected)
    {
        var profile = phase is null ? new Dictionary<string, Answer>() : new Dictionary<string, Answer> { ["phase"] = new Answer.Choice(phase) };

        // c is asked only in the founding phase, so here a (60) → o4 and b (30) → o5 are what is left.
        Assert.Equal(expected, Needs(Report("a=o4 b=o5 c=o4 d=- e=-", "a=1 b=3 c=nein d=1 e=nein", profile)));
    }

    [Fact]
    public void Each_need_names_at_most_two_further_eligible_offers_not_among_the_recommended()
    {
        var report = Report("a=o1:o2,o4,o5,o7,o3 b=o2 c=o3 d=o1:o5 e=-", AllWeak);

        Assert.Equal(["o1", "o3", "o2"], report.SupportNeeds.Select(n => n.OfferId));
        // a's optional offers without o2 and o3 (recommended) and o4 (not for gruendung): o5, o7 — two of them.
        Assert.Equal([("o5", "Angebot O5"), ("o7", "Angebot O7")], report.SupportNeeds[0].AlsoWorthALook.Select(o => (o.Id, o.Title)));
        Assert.Empty(report.SupportNeeds[1].AlsoWorthALook);
    }

    [Fact]
    public void A_need_carries_who_offers_it_and_the_report_the_catalogue_date()
    {
        var report = Report("a=o2 b=- c=- d=- e=-", AllWeak);

        var need = Assert.Single(report.SupportNeeds);
        Assert.Equal(("Angebot O2", "Servicestelle", "kontakt@example.org", "2019-04"), (need.Title, need.Provider, need.Contact, need.Since));
        Assert.Equal(new DateOnly(2026, 11, 20), report.OffersDate);
    }

    [Fact]
    public void At_most_three_offers_is_the_methods_number()
    {
        Assert.Equal(3, Method.MaxSupportNeeds);
        Assert.Equal(Method.MaxSupportNeeds, Report("a=o1 b=o2 c=o3 d=o5 e=o7", AllWeak).SupportNeeds.Count);
    }
}
