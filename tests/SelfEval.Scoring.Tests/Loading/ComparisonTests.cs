using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Tests.Loading;

/// <summary>
/// The comparison groups the office compares by, declared with 'compare' and 'groups' in the profile:
/// each author mistake with its exact message and line, and the model built from a valid declaration.
/// </summary>
public sealed class ComparisonTests
{
    // Profile fixtures live in a folder of their own: beside the guide fixtures, a second profile would be a
    // companion of every guide there (the validate and codebook commands read a guide with its folder).
    private static string Profile(string name) => Path.Combine("Profiles", name);

    private static LoadResult LoadProfile(string fixture) =>
        QuestionnaireLoader.Load(SourceFile.FromBytes(fixture, File.ReadAllBytes(Fixtures.PathOf(Profile(fixture)))));

    private static ComparisonGroups FixtureComparison() =>
        QuestionnaireLoader.Load(LoadableProfile(), Fixtures.File("_offers.md"), Fixtures.File("minimal.md")).Questionnaires.Single().Comparison;

    private static SourceFile LoadableProfile() => SourceFile.FromText("comparison.md", Fixtures.Text(Profile("comparison.md")));

    [Theory]
    [InlineData("compare-malformed.md", 26, "Die Eigenschaft 'compare' hat nicht die Form '- compare: kennung: Bezeichnung', z. B. '- compare: region: Region' (kennung aus Kleinbuchstaben, Ziffern und Bindestrichen).")]
    [InlineData("compare-wrong-type.md", 45, "Die Eigenschaft 'compare' gilt nur für Fragen vom Typ single und number, nicht für 'multi'.")]
    [InlineData("compare-duplicate-key.md", 35, "Das Vergleichsmerkmal 'region' ist doppelt (zuerst in Zeile 26).")]
    [InlineData("groups-without-compare.md", 27, "Die Eigenschaft 'groups' gehört zu 'compare': Ergänzen Sie '- compare: kennung: Bezeichnung' oder löschen Sie 'groups'.")]
    [InlineData("groups-malformed.md", 28, "Die Gruppe 'nord: Norden (HH, SH) hh, sh' hat nicht die Form '- kennung: Bezeichnung = …', z. B. '- nord: Norden = sh, hh, hb' oder '- vor-2000: vor 2000 = bis 1999' (kennung aus Kleinbuchstaben, Ziffern und Bindestrichen).")]
    [InlineData("groups-duplicate-value.md", 29, "Die Gruppe 'nord' ist doppelt (zuerst in Zeile 28).")]
    [InlineData("groups-unknown-option.md", 29, "Die Gruppe 'sued' nennt die Antwort 'be', die es bei dieser Frage nicht gibt. Möglich sind: hh, sh, by, bw.")]
    [InlineData("groups-option-missing.md", 27, "Diese Antworten gehören zu keiner Gruppe unter 'groups': bw. Jede Antwort gehört zu genau einer Gruppe.")]
    [InlineData("groups-option-twice.md", 29, "Die Antwort 'sh' steht in den Gruppen 'nord' und 'sued': Jede Antwort gehört zu genau einer Gruppe.")]
    [InlineData("ranges-missing.md", 35, "Die Zahlenfrage 'gruendungsjahr' braucht unter 'groups' Bereiche, z. B. '  - vor-2000: vor 2000 = bis 1999'.")]
    [InlineData("ranges-unreadable.md", 38, "Der Bereich '2000-2009' der Gruppe '2000-2009' ist nicht lesbar: Schreiben Sie 'bis 1999', '2000 bis 2009' oder 'ab 2018' (ganze Zahlen).")]
    [InlineData("ranges-gap.md", 39, "Zwischen den Gruppen '2000-2009' (2000 bis 2004) und 'ab-2010' (ab 2010) fehlen die Zahlen 2005 bis 2009: Jede Zahl gehört zu genau einer Gruppe.")]
    [InlineData("ranges-overlap.md", 38, "Die Gruppen 'vor-2000' (bis 1999) und '2000-2009' (1990 bis 2009) überschneiden sich: Jede Zahl gehört zu genau einer Gruppe; die Bereiche stehen aufsteigend untereinander.")]
    [InlineData("ranges-open-below.md", 37, "Die erste Gruppe 'vor-2000' muss mit 'bis' beginnen (z. B. 'bis 1999'), damit auch jede kleinere Zahl eine Gruppe hat.")]
    [InlineData("ranges-open-above.md", 39, "Die letzte Gruppe 'ab-2010' muss mit 'ab' beginnen (z. B. 'ab 2018'), damit auch jede größere Zahl eine Gruppe hat.")]
    public void A_broken_declaration_in_the_profile_yields_exactly_its_error_with_file_and_line(string fixture, int line, string message)
    {
        Assert.Equal([$"{fixture}:{line}: {message}"], Fixtures.Errors(LoadProfile(fixture)));
    }

    [Fact]
    public void A_guide_question_cannot_declare_a_comparison()
    {
        var result = Fixtures.Load("compare-in-guide.md");

        Assert.Equal(
            ["compare-in-guide.md:44: Die Eigenschaft 'compare' gibt es nur in der Profildatei (kind: profile): Die Servicestelle vergleicht nur nach Profilangaben."],
            Fixtures.Errors(result));
    }

    [Theory]
    [InlineData("  - sued: Süden: BW und BY = by, bw", "  - ohne-angabe: Süden = by, bw", 29, "Die Kennung 'ohne-angabe' ist für Initiativen ohne Angabe vorbehalten: Wählen Sie für die Gruppe eine andere.")]
    [InlineData("  - sued: Süden: BW und BY = by, bw", "  - sued: Süden = by, bw, by", 29, "Die Antwort 'by' steht in der Gruppe 'sued' doppelt.")]
    [InlineData("  - nord: Norden (HH, SH) = hh, sh\n  - sued: Süden: BW und BY = by, bw", "  - alle: alle Länder = hh, sh, by, bw", 27, "Unter 'groups' stehen mindestens zwei Gruppen: Mit einer einzigen Gruppe gibt es nichts zu vergleichen.")]
    [InlineData("- groups:\n  - nord: Norden (HH, SH) = hh, sh\n  - sued: Süden: BW und BY = by, bw", "- groups: nord = hh, sh", 27, "Unter 'groups:' folgt eine eingerückte Liste der Gruppen, z. B. '  - nord: Norden = sh, hh, hb' oder bei Zahlen '  - vor-2000: vor 2000 = bis 1999'.")]
    [InlineData("= 2000 bis 2009", "= 2009 bis 2000", 38, "Der Bereich '2009 bis 2000' der Gruppe '2000-2009' ist leer: Schreiben Sie die kleinere Zahl zuerst.")]
    [InlineData("= 2000 bis 2009", "= 2000 bis 2008", 39, "Zwischen den Gruppen '2000-2009' (2000 bis 2008) und 'ab-2010' (ab 2010) fehlt die Zahl 2009: Jede Zahl gehört zu genau einer Gruppe.")]
    [InlineData("= 2000 bis 2009", "= bis 2009", 38, "Die Gruppen 'vor-2000' (bis 1999) und '2000-2009' (bis 2009) überschneiden sich: Jede Zahl gehört zu genau einer Gruppe; die Bereiche stehen aufsteigend untereinander.")]
    [InlineData("- compare: region: Region", "- compare:", 26, "Die Eigenschaft 'compare' hat keinen Wert.")]
    [InlineData("- compare: phase: Phase", "- compare: phase:", 16, "Die Eigenschaft 'compare' hat nicht die Form '- compare: kennung: Bezeichnung', z. B. '- compare: region: Region' (kennung aus Kleinbuchstaben, Ziffern und Bindestrichen).")]
    [InlineData("- compare: phase: Phase", "- compare: phase: Phase\n- groups: \n", 17, "Unter 'groups:' folgt eine eingerückte Liste der Gruppen, z. B. '  - nord: Norden = sh, hh, hb' oder bei Zahlen '  - vor-2000: vor 2000 = bis 1999'.")]
    [InlineData("- required: nein\n- compare: gruendung", "- required: nein\n- source: 000:1-2\n  - x: y\n- compare: gruendung", 35, "Die Eigenschaft 'source' besteht aus einer Zeile; nur 'options' und 'groups' haben eine eingerückte Liste.")]
    [InlineData("- type: multi", "- type: multi\n- gruppen: ja", 44, "Unbekannte Eigenschaft 'gruppen'. Für Fragen sind erlaubt: type, scale, options, required, not-relevant, dont-know, weight, aspect, dimension, measures, reverse, hint, offer, offers, source, when, min, max, compare, groups.")]
    public void A_small_slip_in_the_declaration_yields_exactly_its_error(string find, string replace, int line, string message)
    {
        var text = Fixtures.Text(Profile("comparison.md"));
        Assert.Contains(find, text, StringComparison.Ordinal);

        var result = QuestionnaireLoader.Load(SourceFile.FromText("profil.md", text.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal([$"profil.md:{line}: {message}"], Fixtures.Errors(result));
    }

    [Fact]
    public void A_valid_declaration_keeps_the_order_of_the_file_and_every_label()
    {
        var comparison = FixtureComparison();

        Assert.Equal([("phase", "Phase", "phase"), ("region", "Region", "land"), ("gruendung", "Gründungszeitraum", "gruendungsjahr")],
            comparison.Dimensions.Select(d => (d.Key, d.Label, d.QuestionId)));
        Assert.Equal([("gruendung", "in Gründung", "gruendung"), ("etabliert", "etabliert", "etabliert")],
            comparison.Find("phase")!.Groups.Select(g => (g.Value, g.Label, string.Join(",", g.Options))));
        Assert.Equal([("nord", "Norden (HH, SH)", "hh,sh"), ("sued", "Süden: BW und BY", "by,bw")],
            comparison.Find("region")!.Groups.Select(g => (g.Value, g.Label, string.Join(",", g.Options))));
        Assert.Equal([("vor-2000", "vor 2000", (decimal?)null, (decimal?)1999m), ("2000-2009", "2000–2009", 2000m, 2009m), ("ab-2010", "ab 2010", 2010m, null)],
            comparison.Find("gruendung")!.Groups.Select(g => (g.Value, g.Label, g.From, g.To)));
    }

    [Fact]
    public void Labels_fall_back_to_the_value_for_groups_no_longer_declared()
    {
        var comparison = FixtureComparison();

        Assert.Equal("Norden (HH, SH)", comparison.Label("region", "nord"));
        Assert.Equal("west", comparison.Label("region", "west"));
        Assert.Equal("x", comparison.Label("rechtsform", "x"));
    }

    [Fact]
    public void A_guide_loaded_without_profile_or_with_a_profile_without_declaration_compares_by_nothing()
    {
        var without = QuestionnaireLoader.Load(Fixtures.File("_offers.md"), SourceFile.FromText("g.md", Fixtures.Text("minimal.md").Replace("- when: phase = gruendung\n", "", StringComparison.Ordinal).Replace("- when: phase in gruendung, etabliert und gruendungsjahr >= 2000\n", "", StringComparison.Ordinal)));
        var plain = Fixtures.Load("minimal.md");

        Assert.Empty(Fixtures.Errors(without));
        Assert.Same(ComparisonGroups.None, without.Questionnaires.Single().Comparison);
        Assert.Empty(plain.Questionnaires.Single().Comparison.Dimensions);
        Assert.Empty(plain.Questionnaires.Single().Comparison.Classify(new Dictionary<string, Answer> { ["phase"] = new Answer.Choice("gruendung") }));
    }

    [Fact]
    public void The_loader_never_throws_on_a_declaration_cut_at_any_character()
    {
        var text = Fixtures.Text(Profile("comparison.md"));
        var from = text.IndexOf("- compare: region", StringComparison.Ordinal);
        var to = text.IndexOf("### Themen", StringComparison.Ordinal);

        for (var cut = from; cut < to; cut++)
        {
            // Drop one character at a time, then cut the rest off: every result is errors or a model, never an exception.
            var dropped = QuestionnaireLoader.Load(SourceFile.FromText("p.md", text.Remove(cut, 1)));
            var truncated = QuestionnaireLoader.Load(SourceFile.FromText("p.md", text[..cut]));
            Assert.All(dropped.Errors.Concat(truncated.Errors), e => Assert.True(e.Line >= 1, e.ToString()));
        }
    }
}
