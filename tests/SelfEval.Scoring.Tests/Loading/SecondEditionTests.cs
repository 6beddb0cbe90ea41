using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Tests.Loading;

/// <summary>
/// The properties of the format's second edition: own levels, "weiß nicht", what a question measures,
/// one main offer, and what the catalogue says about its offers. Each slip is one small change of a
/// valid fixture, with the exact message and line the author sees.
/// </summary>
public sealed class SecondEditionTests
{
    private const string Guide = "SecondEdition/guide.md";
    private const string Offers = "SecondEdition/offers.md";

    /// <summary>The whole folder: profile, catalogue, both guides (the catalogue's 'guide:' names both).</summary>
    private static LoadResult Load(string? guide = null, string? offers = null, string? minimal = null, LoadScope scope = LoadScope.Folder) =>
        QuestionnaireLoader.Load(
        [
            Fixtures.File("_profile.md"),
            SourceFile.FromText("angebote.md", offers ?? Fixtures.Text(Offers)),
            SourceFile.FromText("minimal.md", minimal ?? Fixtures.Text("minimal.md")),
            SourceFile.FromText("zweite.md", guide ?? Fixtures.Text(Guide)),
        ], scope);

    private static string Change(string fixture, string find, string replace)
    {
        var text = Fixtures.Text(fixture);
        Assert.Contains(find, text, StringComparison.Ordinal);
        return text.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixture_loads_with_its_own_levels_dont_know_measures_and_offers()
    {
        var result = Load();

        Assert.Empty(Fixtures.Errors(result));
        var guide = result.Questionnaires.Single(q => q.Id == "zweite");
        var own = guide.FindQuestion("ziele-festgehalten")!;
        Assert.True(own.HasOwnLevels);
        Assert.Null(own.ScaleId);
        Assert.Equal(
            [("0", "Es gibt keine schriftlich festgehaltenen Ziele.", 0m), ("1", "Ziele sind notiert, aber nicht abgestimmt.", 1m), ("2", "Die Ziele sind mit allen Beteiligten abgestimmt und schriftlich festgehalten.", 2m)],
            own.Options.Select(o => (o.Value, o.Label, o.Points ?? -1m)));
        Assert.True(own.AllowsDontKnow);
        Assert.Equal(Measure.Practice, own.Measures);
        Assert.Equal("peer-meeting", own.MainOfferId);
        Assert.Equal(["webinar"], own.OfferIds);

        var shared = guide.FindQuestion("skala")!;
        Assert.False(shared.HasOwnLevels);
        Assert.Equal("umsetzung", shared.ScaleId);
        Assert.False(shared.AllowsDontKnow);
        Assert.Equal(Measure.Result, guide.FindQuestion("ziel-erreicht")!.Measures);
        Assert.True(guide.FindQuestion("mitglieder")!.AllowsDontKnow);
        Assert.Null(guide.FindQuestion("mitglieder")!.Measures);
    }

    [Fact]
    public void The_catalogue_carries_its_date_and_each_offer_its_provider_contact_since_phases_and_guides()
    {
        var catalogue = Load().Offers!;

        Assert.Equal(new DateOnly(2026, 11, 20), catalogue.Date);
        var peer = catalogue.Find("peer-meeting")!;
        Assert.Equal(("Servicestelle Industrieinitiativen", "https://www.example.de/peer-meeting", "2019"), (peer.Provider, peer.Contact, peer.Since));
        Assert.Equal(["gruendung", "etabliert"], peer.Phases);
        Assert.Empty(peer.GuideIds);
        var webinar = catalogue.Find("webinar")!;
        Assert.Equal(("servicestelle@example.de", "2021-04"), (webinar.Contact, webinar.Since));
        Assert.Empty(webinar.Phases);
        Assert.Equal(["zweite", "mini"], catalogue.Find("leitfaeden")!.GuideIds);
    }

    [Theory]
    // levels
    [InlineData("  - 1: Ziele sind notiert", "  - 3: Ziele sind notiert", 26, "Die Stufe 2 steht nach der Stufe 3: Schreiben Sie die Stufen aufsteigend, die schlechteste (kleinste Zahl) zuerst.")]
    [InlineData("  - 1: Ziele sind notiert", "  - 1.5: Ziele sind notiert", 25, "Die Stufe 1.5 ist keine ganze Zahl: Zählen Sie die Stufen mit ganzen Zahlen, z. B. 0, 1, 2.")]
    [InlineData("  - 1: Ziele sind notiert", "  - eins: Ziele sind notiert", 25, "Die Stufe 'eins: Ziele sind notiert, aber nicht abgestimmt.' hat nicht die Form '- Zahl: Beschreibung' mit einer ganzen Zahl, z. B. '- 0: Es gibt keine schriftlich festgehaltenen Ziele.'")]
    [InlineData("  - 1: Ziele sind notiert, aber nicht abgestimmt.\n  - 2: Die Ziele sind mit allen Beteiligten abgestimmt und schriftlich festgehalten.\n", "", 23, "Unter 'levels' stehen mindestens zwei Stufen, die schlechteste zuerst.")]
    [InlineData("  - 1: Ziele sind notiert, aber nicht abgestimmt.", "  - 1:", 25, "Die Stufe 1 hat keine Beschreibung: Beschreiben Sie nach dem Doppelpunkt, woran man diese Stufe erkennt.")]
    [InlineData("  - 2: Die Ziele", "  - 1: Die Ziele", 26, "Die Stufe 1 ist doppelt (zuerst in Zeile 25).")]
    [InlineData("- levels:\n  - 0", "- levels: 0, 1, 2\n\n  - 0", 23, "Unter 'levels:' folgt eine eingerückte Liste der Stufen, die schlechteste zuerst, z. B. '  - 0: Es gibt keine schriftlich festgehaltenen Ziele.'")]
    [InlineData("- type: scale\n- levels:", "- type: scale\n- scale: umsetzung\n- levels:", 24, "Die Frage 'ziele-festgehalten' hat 'scale' und 'levels': Nehmen Sie entweder eine gemeinsame Antwortskala (scale) oder eigene Stufen (levels), nicht beides.")]
    [InlineData("- levels:\n  - 0: Es gibt keine schriftlich festgehaltenen Ziele.\n  - 1: Ziele sind notiert, aber nicht abgestimmt.\n  - 2: Die Ziele sind mit allen Beteiligten abgestimmt und schriftlich festgehalten.\n", "", 20, "Die Frage 'ziele-festgehalten' ist vom Typ scale und braucht eigene Stufen unter 'levels' oder die Eigenschaft 'scale' mit dem Namen einer Antwortskala.")]
    [InlineData("- type: number\n- dont-know: ja", "- type: number\n- levels:\n  - 0: keine\n  - 1: viele\n- dont-know: ja", 55, "Die Eigenschaft 'levels' gilt nur für Fragen vom Typ scale, nicht für 'number'.")]
    [InlineData("- hint: Halten Sie", "- reverse: ja\n- hint: Halten Sie", 31, "Die Frage 'ziele-festgehalten' hat eigene Stufen, die schon von der schlechtesten zur besten stehen: Löschen Sie 'reverse' und ordnen Sie die Stufen so, dass die beste unten steht.")]
    // dont-know
    [InlineData("- type: longtext", "- type: longtext\n- dont-know: ja", 61, "Die Eigenschaft 'dont-know' gilt nicht für Fragen vom Typ longtext: Wer hier nichts weiß, lässt das Feld leer. Löschen Sie 'dont-know'.")]
    [InlineData("- dont-know: ja\n- aspect", "- dont-know: vielleicht\n- aspect", 27, "Der Wert 'vielleicht' für 'dont-know' ist ungültig: erlaubt sind ja und nein.")]
    // measures
    [InlineData("- measures: result\n", "", 35, "Die bewertete Frage 'ziel-erreicht' braucht die Eigenschaft 'measures' (practice oder result).")]
    [InlineData("- measures: result", "- measures: ergebnis", 40, "Unbekannter Wert 'ergebnis' für 'measures'. Erlaubt sind: practice (die Frage beschreibt, wie die Initiative arbeitet) und result (die Frage beschreibt, was sie erreicht hat).")]
    [InlineData("- type: number\n- dont-know: ja", "- type: number\n- measures: result\n- dont-know: ja", 55, "Die Eigenschaft 'measures' gilt nur für bewertete Fragen (scale, yesno): Fragen vom Typ number werden nicht bewertet.")]
    // offer and offers
    [InlineData("- offer: peer-meeting", "- offer: peer-meeting, leitfaeden", 32, "Unter 'offer' steht genau ein Angebot: das, das hier am besten hilft. Weitere passende Angebote nennen Sie unter 'offers'.")]
    [InlineData("- offer: peer-meeting", "- offer: sprechstunde", 32, "Unbekanntes Angebot 'sprechstunde': Es steht nicht in angebote.md.")]
    [InlineData("- offers: webinar", "- offers: webinar, peer-meeting", 33, "Das Angebot 'peer-meeting' steht schon unter 'offer' als das Angebot, das hier am besten hilft: Nennen Sie es unter 'offers' nicht noch einmal.")]
    // a property in the wrong place
    [InlineData("## Ziele {#ziele}\n", "## Ziele {#ziele}\n\n- provider: Servicestelle\n", 20, "Die Eigenschaft 'provider' gibt es nur für Angebote. Für Abschnitte sind erlaubt: weight, source, when.")]
    public void A_slip_in_a_guide_yields_exactly_its_error(string find, string replace, int line, string message)
    {
        var result = Load(guide: Change(Guide, find, replace));

        Assert.Equal([$"zweite.md:{line}: {message}"], Fixtures.Errors(result));
    }

    [Theory]
    [InlineData("date: 2026-11-20", "date: 20.11.2026", 5, "Das Datum '20.11.2026' ist nicht lesbar: Schreiben Sie es als Jahr-Monat-Tag, z. B. 'date: 2026-11-20'.")]
    [InlineData("- contact: https://www.example.de/peer-meeting", "- contact: www.example.de", 13, "Die Kontaktangabe 'www.example.de' ist weder eine E-Mail-Adresse noch ein Link: Schreiben Sie z. B. 'servicestelle@example.de' oder 'https://www.example.de/angebot'.")]
    [InlineData("- contact: servicestelle@example.de", "- contact: Frau Muster", 21, "Die Kontaktangabe 'Frau Muster' ist weder eine E-Mail-Adresse noch ein Link: Schreiben Sie z. B. 'servicestelle@example.de' oder 'https://www.example.de/angebot'.")]
    [InlineData("- since: 2019", "- since: seit 2019", 14, "Die Angabe 'since: seit 2019' ist nicht lesbar: Schreiben Sie das Jahr (z. B. 2019) oder Jahr und Monat (z. B. 2019-04).")]
    [InlineData("- since: 2021-04", "- since: 2021-13", 22, "Die Angabe 'since: 2021-13' ist nicht lesbar: Schreiben Sie das Jahr (z. B. 2019) oder Jahr und Monat (z. B. 2019-04).")]
    [InlineData("- phases: gruendung, etabliert", "- phases: gruendung, aufbau", 15, "Die Phase 'aufbau' gibt es nicht. Möglich sind die Antworten der Profilfrage 'phase': gruendung, etabliert.")]
    [InlineData("- guide: zweite, mini", "- guide: zweite, dritte", 28, "Unter 'guide' steht der Leitfaden 'dritte', den es nicht gibt. Geladen sind: mini, zweite. Schreiben Sie die id aus dem Front Matter des Leitfadens.")]
    [InlineData("- since: 2019", "- since: 2019\n- type: scale", 15, "Die Eigenschaft 'type' gibt es nur für Fragen. Für Angebote sind erlaubt: source, provider, contact, since, phases, guide.")]
    public void A_slip_in_the_catalogue_yields_exactly_its_error(string find, string replace, int line, string message)
    {
        var result = Load(offers: Change(Offers, find, replace));

        Assert.Equal([$"angebote.md:{line}: {message}"], Fixtures.Errors(result));
    }

    [Fact]
    public void Levels_and_measures_are_refused_on_profile_questions()
    {
        var profile = Change("_profile.md", "- type: text", "- type: text\n- measures: result\n- levels:\n  - 0: keine\n  - 1: eine");

        var result = QuestionnaireLoader.Load(SourceFile.FromText("profil.md", profile));

        Assert.Equal(
        [
            "profil.md:13: Die Eigenschaft 'measures' gilt nur für bewertete Fragen (scale, yesno): Profilfragen werden nicht bewertet.",
            "profil.md:14: Die Eigenschaft 'levels' gibt es nur in Leitfäden, nicht in der Profildatei: Profilfragen werden nicht bewertet.",
        ], Fixtures.Errors(result));
    }

    [Fact]
    public void Phases_and_guides_are_not_checked_in_a_catalogue_read_on_its_own()
    {
        var offers = Change(Offers, "- phases: gruendung, etabliert", "- phases: irgendwann");

        var result = QuestionnaireLoader.Load(SourceFile.FromText("angebote.md", offers));

        Assert.Empty(Fixtures.Errors(result));
    }

    [Fact]
    public void A_guide_whose_front_matter_cannot_be_read_is_reported_once_not_again_as_a_missing_guide()
    {
        var result = Load(minimal: "---\nid: mini\n");

        Assert.Equal(["minimal.md:1: Das Front Matter ab Zeile 1 wird nicht abgeschlossen: Es fehlt eine Zeile '---' nach den Angaben."], Fixtures.Errors(result));
    }

    /// <summary>A guide stored with a closed round predates 'measures:' and names guides that are not stored with it.</summary>
    [Fact]
    public void A_stored_version_loads_without_the_second_editions_requirements_and_without_the_other_guides()
    {
        var older = Fixtures.Text("minimal.md").Replace("- measures: practice\n", "\n", StringComparison.Ordinal).Replace("- measures: result\n", "\n", StringComparison.Ordinal);
        SourceFile[] stored = [Fixtures.File("_profile.md"), SourceFile.FromText("angebote.md", Fixtures.Text(Offers)), SourceFile.FromText("minimal.md", older)];

        var asStored = QuestionnaireLoader.Load(stored, LoadScope.Stored);
        var asFolder = QuestionnaireLoader.Load(stored, LoadScope.Folder);

        Assert.Empty(Fixtures.Errors(asStored));
        Assert.Null(asStored.Questionnaires.Single().FindQuestion("ziele-gemeinsam")!.Measures);
        Assert.Equal(
        [
            "angebote.md:28: Unter 'guide' steht der Leitfaden 'zweite', den es nicht gibt. Geladen sind: mini. Schreiben Sie die id aus dem Front Matter des Leitfadens.",
            "minimal.md:33: Die bewertete Frage 'ziele-gemeinsam' braucht die Eigenschaft 'measures' (practice oder result).",
            "minimal.md:46: Die bewertete Frage 'gruendungsplan' braucht die Eigenschaft 'measures' (practice oder result).",
        ], Fixtures.Errors(asFolder));
    }

    [Fact]
    public void A_single_file_checked_as_a_draft_keeps_the_second_editions_requirements_but_not_the_other_guides()
    {
        var older = Fixtures.Text("minimal.md").Replace("- measures: result\n", "\n", StringComparison.Ordinal);

        var result = QuestionnaireLoader.Load(
            [Fixtures.File("_profile.md"), SourceFile.FromText("angebote.md", Fixtures.Text(Offers)), SourceFile.FromText("minimal.md", older)], LoadScope.Draft);

        Assert.Equal(["minimal.md:46: Die bewertete Frage 'gruendungsplan' braucht die Eigenschaft 'measures' (practice oder result)."], Fixtures.Errors(result));
    }
}
