using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Tests.Loading;

/// <summary>What the loader builds from the minimal fixture, field by field.</summary>
public sealed class ModelTests
{
    private static readonly Questionnaire Mini = Fixtures.Load("minimal.md").Questionnaires.Single();

    [Fact]
    public void Metadata_comes_from_the_front_matter()
    {
        Assert.Equal("mini", Mini.Id);
        Assert.Equal("1.0", Mini.Version);
        Assert.Equal("Mini-Leitfaden", Mini.Title);
        Assert.Equal("Zum Testen", Mini.Subtitle);
        Assert.Equal("Ein kleiner Fragebogen.", Mini.Description);
        Assert.Equal("Testteams", Mini.Audience);
        Assert.Equal(5, Mini.EstimatedMinutes);
    }

    [Fact]
    public void The_profile_sections_come_first_then_the_guide_sections_in_file_order()
    {
        Assert.Equal(["profil", "ziele", "finanzen"], Mini.Sections.Select(s => s.Id));
        Assert.True(Mini.Sections[0].IsProfile);
        Assert.Equal(["name", "phase", "gruendungsjahr", "themen", "ziele-gemeinsam", "gruendungsplan", "finanzierung", "wuensche"], Mini.Questions.Select(q => q.Id));
    }

    [Fact]
    public void A_section_has_title_intro_weight_and_line()
    {
        var ziele = Mini.Sections[1];

        Assert.Equal("Ziele", ziele.Title);
        Assert.Equal("Gemeinsame Ziele sind wichtig.", ziele.IntroMarkdown);
        Assert.Equal(2m, ziele.Weight);
        Assert.Null(ziele.Condition);
        Assert.Equal(27, ziele.Line);
    }

    [Fact]
    public void A_scale_question_carries_every_property()
    {
        var q = Mini.FindQuestion("ziele-gemeinsam")!;

        Assert.Equal("Haben Sie gemeinsame Ziele?", q.Text);
        Assert.Equal("Gemeint sind *schriftlich* festgehaltene Ziele.", q.HelpMarkdown);
        Assert.Equal(QuestionType.Scale, q.Type);
        Assert.Equal("umsetzung", q.ScaleId);
        Assert.Equal([("0", "nicht vorhanden", 0m), ("2", "teilweise", 2m), ("4", "vollständig", 4m)], q.Options.Select(o => (o.Value, o.Label, o.Points!.Value)));
        Assert.True(q.Required);
        Assert.False(q.AllowsNotRelevant);
        Assert.Equal(2m, q.Weight);
        Assert.Equal(Aspect.Einigkeit, q.Aspect);
        Assert.Equal(Dimension.Innen, q.Dimension);
        Assert.False(q.Reverse);
        Assert.Equal("Erarbeiten Sie gemeinsame Ziele.", q.SupportHint);
        Assert.Equal(["peer-meeting", "webinar"], q.OfferIds);
        Assert.Equal("000:4015-4016", q.Source);
        Assert.True(q.Scored);
        Assert.Equal(33, q.Line);
    }

    [Fact]
    public void A_yesno_question_gets_ja_teilweise_nein_and_defaults()
    {
        var q = Mini.FindQuestion("gruendungsplan")!;

        Assert.Equal([("ja", "Ja", 2m), ("teilweise", "Teilweise", 1m), ("nein", "Nein", 0m)], q.Options.Select(o => (o.Value, o.Label, o.Points!.Value)));
        Assert.True(q.AllowsNotRelevant);
        Assert.Equal(1m, q.Weight);
        Assert.Equal("phase = gruendung", q.Condition!.Text);
        Assert.Empty(q.OfferIds);
        Assert.Null(q.Source);
    }

    [Fact]
    public void Choice_and_text_questions_are_not_scored()
    {
        var single = Mini.FindQuestion("finanzierung")!;
        var text = Mini.FindQuestion("wuensche")!;
        var profile = Mini.FindQuestion("phase")!;

        Assert.Equal([("beitraege", "Mitgliedsbeiträge"), ("foerderung", "Förderung")], single.Options.Select(o => (o.Value, o.Label)));
        Assert.All(single.Options, o => Assert.Null(o.Points));
        Assert.False(single.Required);
        Assert.False(single.Scored);
        Assert.False(text.Scored);
        Assert.Empty(text.Options);
        Assert.False(profile.Scored);
        Assert.Equal(["ziele-gemeinsam", "gruendungsplan"], Mini.ScoredQuestions.Select(q => q.Id));
    }

    [Fact]
    public void Number_bounds_are_kept()
    {
        var q = Mini.FindQuestion("gruendungsjahr")!;

        Assert.Equal(1900m, q.Min);
        Assert.Equal(2100m, q.Max);
    }

    [Fact]
    public void A_section_condition_is_parsed_into_groups_of_clauses()
    {
        var condition = Mini.Sections[2].Condition!;

        Assert.Equal("phase in gruendung, etabliert und gruendungsjahr >= 2000", condition.Text);
        var group = Assert.Single(condition.AnyOf);
        Assert.Equal(new Clause("phase", ConditionOperator.In, ["gruendung", "etabliert"]), group[0], ClauseComparer.Instance);
        Assert.Equal(new Clause("gruendungsjahr", ConditionOperator.GreaterOrEqual, ["2000"]), group[1], ClauseComparer.Instance);
    }

    [Theory]
    [InlineData(0, "Anfang")]
    [InlineData(49.9, "Anfang")]
    [InlineData(50, "Etabliert")]
    [InlineData(100, "Etabliert")]
    public void Score_bands_turn_a_score_into_a_level(double score, string band)
    {
        Assert.Equal(band, Mini.BandFor((decimal)score).Name);
    }

    [Fact]
    public void The_hash_is_a_sha256_over_guide_and_profile_and_ignores_line_endings()
    {
        var text = Fixtures.Text("minimal.md");

        var crlf = Fixtures.LoadText("minimal.md", text.Replace("\n", "\r\n", StringComparison.Ordinal)).Questionnaires.Single();
        var changed = Fixtures.LoadText("minimal.md", text.Replace("Ein kleiner Fragebogen.", "Ein kleiner Fragebogen!", StringComparison.Ordinal)).Questionnaires.Single();
        var otherProfile = QuestionnaireLoader.Load(
            SourceFile.FromText("_profile.md", Fixtures.Text("_profile.md").Replace("Profil {#profil}", "Ihr Profil {#profil}", StringComparison.Ordinal)),
            Fixtures.File("_offers.md"), Fixtures.File("minimal.md")).Questionnaires.Single();

        Assert.Matches("^[0-9a-f]{64}$", Mini.Hash);
        Assert.Equal(Mini.Hash, crlf.Hash);
        Assert.NotEqual(Mini.Hash, changed.Hash);
        Assert.NotEqual(Mini.Hash, otherProfile.Hash);
        Assert.Equal(["minimal.md", "_profile.md"], Mini.Sources.Select(s => s.Name));
    }

    [Fact]
    public void Renamed_ids_map_retired_questions_to_current_ones()
    {
        var text = Fixtures.Text("minimal.md").Replace("bands:", "renamed:\n  ziele-klar: ziele-gemeinsam\nbands:", StringComparison.Ordinal);

        var q = Fixtures.LoadText("v2.md", text).Questionnaires.Single();

        Assert.Equal("ziele-gemeinsam", q.RenamedQuestions["ziele-klar"]);
    }

    [Fact]
    public void Renamed_option_values_in_the_profile_map_old_answers_to_current_options()
    {
        var profile = Fixtures.Text("_profile.md")
            .Replace("title: Profil", "title: Profil\nrenamed:\n  phase.start: gruendung", StringComparison.Ordinal);

        var q = QuestionnaireLoader.Load(SourceFile.FromText("_profile.md", profile), Fixtures.File("_offers.md"), Fixtures.File("minimal.md")).Questionnaires.Single();

        Assert.Equal("gruendung", q.CurrentOption("phase", "start"));
        Assert.Equal("etabliert", q.CurrentOption("phase", "etabliert"));
        Assert.Empty(q.RenamedQuestions);
    }

    [Theory]
    [InlineData("phase.start: neu", "_profile.md:7: Unter 'renamed' wird 'phase.start' auf 'neu' abgebildet, aber die Frage 'phase' bietet diesen Wert nicht an.")]
    [InlineData("phase.etabliert: gruendung", "_profile.md:7: Unter 'renamed' steht der alte Wert 'etabliert', den die Frage 'phase' noch als Antwort anbietet.")]
    [InlineData("stufe.start: gruendung", "_profile.md:7: Unter 'renamed' steht 'stufe.start', aber die Frage 'stufe' gibt es nicht.")]
    public void A_renamed_option_value_must_lead_from_a_retired_value_to_an_offered_one(string entry, string error)
    {
        var profile = Fixtures.Text("_profile.md").Replace("title: Profil", "title: Profil\nrenamed:\n  " + entry, StringComparison.Ordinal);

        var result = QuestionnaireLoader.Load(SourceFile.FromText("_profile.md", profile), Fixtures.File("_offers.md"), Fixtures.File("minimal.md"));

        Assert.Equal([error], Fixtures.Errors(result));
    }

    [Fact]
    public void Renaming_to_an_unknown_question_is_an_error()
    {
        var text = Fixtures.Text("minimal.md").Replace("bands:", "renamed:\n  ziele-klar: ziele-neu\nbands:", StringComparison.Ordinal);

        Assert.Equal(["v2.md:15: Unter 'renamed' wird 'ziele-klar' auf die unbekannte Frage 'ziele-neu' abgebildet."], Fixtures.Errors(Fixtures.LoadText("v2.md", text)));
    }

    [Fact]
    public void The_offers_catalogue_is_loaded_with_titles_descriptions_and_sources()
    {
        var offers = Fixtures.Load("minimal.md").Offers!;

        Assert.Equal(["peer-meeting", "webinar"], offers.Offers.Select(o => o.Id));
        Assert.Equal("Peer-Meeting", offers.Find("peer-meeting")!.Title);
        Assert.Equal("Initiativen lernen voneinander.", offers.Find("peer-meeting")!.DescriptionMarkdown);
        Assert.Equal("000:1738-1741", offers.Find("peer-meeting")!.Source);
        Assert.Null(offers.Find("webinar")!.Source);
    }

    private sealed class ClauseComparer : IEqualityComparer<Clause>
    {
        public static readonly ClauseComparer Instance = new();

        public bool Equals(Clause? x, Clause? y) =>
            x is not null && y is not null && x.QuestionId == y.QuestionId && x.Operator == y.Operator && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(Clause obj) => obj.QuestionId.GetHashCode(StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: 1.10", "1.10")]
    [InlineData("version: \"1.10\"", "1.10")]
    [InlineData("version: 2", "2")]
    public void The_version_is_kept_as_written_quoted_or_not(string line, string expected)
    {
        var text = Fixtures.Text("minimal.md").Replace("version: \"1.0\"", line, StringComparison.Ordinal);

        Assert.Equal(expected, Fixtures.LoadText("minimal.md", text).Questionnaires.Single().Version);
    }
}
