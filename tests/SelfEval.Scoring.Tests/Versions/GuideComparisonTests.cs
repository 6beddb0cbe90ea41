using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Versions;

namespace SelfEval.Scoring.Tests.Versions;

/// <summary>
/// The comparison of a draft with the published version: each row edits the small fixture guide
/// (<c>minimal.md</c>) the way an author would and names exactly the changes and warnings it yields.
/// </summary>
public sealed class GuideComparisonTests
{
    private static readonly string Published = Fixtures.Text("minimal.md");

    private const string WuenscheBlock = "\n### Was wünschen Sie sich? {#wuensche}\n\n- type: longtext\n- required: nein\n";

    private static Questionnaire Guide(string text)
    {
        var result = Fixtures.LoadText("minimal.md", text);
        Assert.True(result.Success, string.Join("\n", Fixtures.Errors(result)));
        return result.Questionnaires.Single();
    }

    private static string Edit(params string[] pairs)
    {
        var text = Published;
        for (var i = 0; i < pairs.Length; i += 2)
        {
            Assert.Contains(pairs[i], text, StringComparison.Ordinal);
            text = text.Replace(pairs[i], pairs[i + 1], StringComparison.Ordinal);
        }

        return text;
    }

    public static TheoryData<string, string, string[], string[]> Rows => new()
    {
        { "unchanged", Published, [], [] },
        { "reworded", Edit("Haben Sie gemeinsame Ziele?", "Haben Sie gemeinsam Ziele vereinbart?"), ["Reworded ziele-gemeinsam"], [] },
        { "only line breaks differ", Edit("Gemeint sind *schriftlich* festgehaltene Ziele.", "Gemeint sind *schriftlich*\nfestgehaltene Ziele."), [], [] },
        { "help changed", Edit("Gemeint sind *schriftlich* festgehaltene Ziele.", "Gemeint sind Ziele auf Papier."), ["HelpChanged ziele-gemeinsam"], [] },
        { "removed", Edit(WuenscheBlock, ""), ["Removed wuensche"], ["QuestionRemoved wuensche"] },
        { "renamed with an entry", Edit("{#gruendungsplan}", "{#plan}", "bands:", "renamed:\n  gruendungsplan: plan\nbands:"), ["Renamed plan"], [] },
        { "new id without an entry", Edit("{#gruendungsplan}", "{#plan}"), ["Removed gruendungsplan", "Added plan"], ["QuestionRemoved gruendungsplan"] },
        { "added at the end", Published + "\n### Noch etwas? {#noch}\n\n- type: text\n- required: nein\n", ["Added noch"], [] },
        { "question weight", Edit("- weight: 2\n- aspect", "- weight: 3\n- aspect"), ["WeightChanged ziele-gemeinsam"], ["WeightChanged ziele-gemeinsam"] },
        { "level added to the scale", Edit("    - 4: vollständig", "    - 4: vollständig\n    - 6: vorbildlich"), ["LevelsChanged ziele-gemeinsam"], ["LevelsRescored ziele-gemeinsam"] },
        { "level relabelled", Edit("    - 2: teilweise", "    - 2: zum Teil"), ["LevelsChanged ziele-gemeinsam"], [] },
        { "option value gone", Edit("  - foerderung: Förderung", "  - zuschuss: Förderung"), ["LevelsChanged finanzierung"], ["OptionsRemoved finanzierung foerderung"] },
        { "option value renamed", Edit("  - foerderung: Förderung", "  - zuschuss: Förderung", "bands:", "renamed:\n  finanzierung.foerderung: zuschuss\nbands:"), ["LevelsChanged finanzierung"], [] },
        { "option added", Edit("  - foerderung: Förderung", "  - foerderung: Förderung\n  - spenden: Spenden"), ["LevelsChanged finanzierung"], [] },
        { "condition", Edit("- when: phase = gruendung", "- when: phase = etabliert"), ["ConditionChanged gruendungsplan"], [] },
        { "section id", Edit("{#finanzen}", "{#geld}"), ["SectionMoved finanzierung", "SectionMoved wuensche"], [] },
        { "offers", Edit("- offers: peer-meeting, webinar", "- offers: webinar"), ["OfferChanged ziele-gemeinsam"], [] },
        { "type", Edit("- type: yesno\n- not-relevant: ja", "- type: scale\n- scale: umsetzung\n- not-relevant: ja"), ["TypeChanged gruendungsplan"], ["TypeChanged gruendungsplan"] },
        { "aspect", Edit("- aspect: ressourcen", "- aspect: einigkeit"), ["ScoringChanged gruendungsplan"], ["ScoringChanged gruendungsplan"] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_edit_yields_exactly_its_changes_and_warnings(string edit, string draft, string[] changes, string[] warnings)
    {
        var result = GuideComparison.Compare(Guide(Published), Guide(draft), null, null);

        Assert.True(changes.SequenceEqual(result.Changes.Select(c => $"{c.Kind} {c.QuestionId}")), $"{edit}: {string.Join(", ", result.Changes)}");
        Assert.True(warnings.SequenceEqual(result.Warnings.Select(w => string.Join(' ', [w.Kind.ToString(), w.QuestionId, .. w.Values]))), $"{edit}: {string.Join(", ", result.Warnings)}");
        Assert.Equal(changes.Length == 0, result.None);
    }

    [Fact]
    public void A_change_carries_the_old_and_the_new_wording()
    {
        var draft = Edit("Haben Sie gemeinsame Ziele?", "Haben Sie gemeinsam Ziele vereinbart?", "- weight: 2\n- aspect", "- weight: 1.5\n- aspect");

        var result = GuideComparison.Compare(Guide(Published), Guide(draft), null, null);

        Assert.Equal(
            [
                new QuestionChange(ChangeKind.Reworded, "ziele-gemeinsam", "Haben Sie gemeinsame Ziele?", "Haben Sie gemeinsam Ziele vereinbart?"),
                new QuestionChange(ChangeKind.WeightChanged, "ziele-gemeinsam", "2", "1.5"),
            ],
            result.Changes);
    }

    [Fact]
    public void A_renamed_question_keeps_its_published_id_and_is_compared_with_it()
    {
        var draft = Edit("{#gruendungsplan}", "{#plan}", "bands:", "renamed:\n  gruendungsplan: plan\nbands:", "Gibt es einen Plan für die Gründung?", "Gibt es einen Gründungsplan?");

        var result = GuideComparison.Compare(Guide(Published), Guide(draft), null, null);

        Assert.Equal(["Renamed plan gruendungsplan", "Reworded plan gruendungsplan"], result.Changes.Select(c => $"{c.Kind} {c.QuestionId} {c.PublishedId}"));
    }

    [Fact]
    public void A_removed_question_is_listed_where_it_stood()
    {
        var draft = Edit("### Gibt es einen Plan für die Gründung? {#gruendungsplan}", "### Gibt es einen Plan für die Gründung? {#plan}");

        var result = GuideComparison.Compare(Guide(Published), Guide(draft), null, null);

        Assert.Equal(["Removed gruendungsplan", "Added plan"], result.Changes.Select(c => $"{c.Kind} {c.QuestionId}"));
    }

    [Fact]
    public void Offers_of_the_catalogue_that_changed_are_named_by_id()
    {
        var offers = Fixtures.Text("_offers.md");
        var changed = offers
            .Replace("Initiativen lernen voneinander.", "Initiativen lernen voneinander, zweimal im Jahr.", StringComparison.Ordinal)
            .Replace("## Webinar {#webinar}", "## Online-Seminar {#webinar}", StringComparison.Ordinal)
            + "\n## Sprechstunde {#sprechstunde}\n\nEine Stunde Beratung.\n";

        var result = GuideComparison.Compare(Guide(Published), Guide(Published), Catalog(offers), Catalog(changed));

        Assert.Equal(["OfferChanged peer-meeting", "Reworded webinar", "Added sprechstunde"], result.Offers.Select(o => $"{o.Kind} {o.OfferId}"));
        Assert.Empty(result.Changes);
        Assert.False(result.None);
    }

    private static OfferCatalog Catalog(string text) =>
        QuestionnaireLoader.Load(Fixtures.File("_profile.md"), SourceFile.FromText("_offers.md", text), Fixtures.File("minimal.md")).Offers!;
}
