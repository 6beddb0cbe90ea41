using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using static SelfEval.Scoring.Tests.Scoring.ScorerTests;

namespace SelfEval.Scoring.Tests.Scoring;

public sealed class ProfileBuilderTests
{
    private static readonly OfferCatalog Offers = Fixtures.Load("scoring.md").Offers!;

    private static readonly ProfileSubject Subject = new("Initiative Süd", new DateOnly(2026, 11, 22), 1);

    private static ProfileReport Build(params string[] people) => ProfileBuilder.Build(Score(people), Offers, Subject);

    [Fact]
    public void Strengths_are_the_items_from_75_best_first()
    {
        var report = Build("a=3 b=1 c=ja d=2 e=nein");

        Assert.Equal(["1.3", "1.1", "1.2"], report.Strengths.Select(s => s.Number)); // 100, then 75 with weight 4 before 75 with weight 2
        Assert.Equal(["1 Innen"], report.StrongSections.Select(s => s.Label));
    }

    [Fact]
    public void Weaknesses_are_ranked_by_weight_times_gap_and_ties_by_questionnaire_order()
    {
        // a: w 4, gap 75 → 300; b: w 2, gap 75 → 150; d: w 1, gap 75 → 75; e: w 1, gap 100 → 100
        var report = Build("a=1 b=3 c=ja d=1 e=nein");

        Assert.Equal(["1.1", "1.2", "2.2", "2.1"], report.Weaknesses.Select(w => w.Item.Number));
        Assert.Equal("Hinweis A.", report.Weaknesses[0].Hint);

        // d and e both: weight 1, gap 100 → the earlier question first
        Assert.Equal(["2.1", "2.2"], Build("a=4 b=0 c=ja d=0 e=nein").Weaknesses.Select(w => w.Item.Number));
    }

    // score, question weight × section weight → priority = weight × ((1 + gap / 25)² − 1)
    [Theory]
    [InlineData(0, 1, 24)]
    [InlineData(25, 1, 15)]
    [InlineData(25, 2, 30)]
    [InlineData(50, 1, 8)]
    [InlineData(75, 1, 3)]
    [InlineData(90, 4, 3.8)]
    [InlineData(100, 4, 0)]
    public void Priority_grows_with_the_square_of_the_gap(double score, double weight, double expected)
    {
        var section = Wertung.Sections.Single(s => s.Id == "aussen") with { Weight = 1 };
        var question = section.Questions.Single(q => q.Id == "e") with { Weight = (decimal)weight };
        var item = new ItemResult(question, section, 0, [(decimal)score], [0], [question.Options[0]], 0, 0, 0);

        Assert.Equal((decimal)expected, ProfileBuilder.Priority(item));
    }

    [Fact]
    public void Support_needs_group_weak_items_by_offer_and_say_why()
    {
        var report = Build("a=1 b=3 c=ja d=1 e=nein");

        // The fixture names optional offers only, so each item feeds its first one; e (webinar, peer-meeting) feeds webinar.
        // peer-meeting: a (4 × 15 = 60), d (1 × 15 = 15) → 75; webinar: b (2 × 15 = 30), e (24) → 54
        Assert.Equal(["peer-meeting", "webinar"], report.SupportNeeds.Select(n => n.OfferId));
        Assert.Equal([75m, 54m], report.SupportNeeds.Select(n => n.Priority));
        Assert.Equal(["hoch", "hoch"], report.SupportNeeds.Select(n => n.Level));
        Assert.Equal("Peer-Meeting", report.SupportNeeds[0].Title);
        Assert.Equal(["1.1", "2.1"], report.SupportNeeds[0].Because.Select(b => b.Number));
        Assert.Equal(["Hinweis A.", "Hinweis D."], report.SupportNeeds[0].NextSteps);
        Assert.Equal("1 – selten", report.SupportNeeds[0].Because[0].Answer);
        Assert.Equal(["1.2", "2.2"], report.SupportNeeds[1].Because.Select(b => b.Number));
    }

    [Fact]
    public void A_strong_initiative_has_no_support_needs()
    {
        var report = Build("a=4 b=0 c=ja d=4 e=ja");

        Assert.Empty(report.Weaknesses);
        Assert.Empty(report.SupportNeeds);
        Assert.Equal("Etabliert", report.Overall.Band);
        Assert.Equal("100", report.Overall.Display);
    }

    [Fact]
    public void A_team_report_lists_what_to_discuss_with_the_range_never_the_names()
    {
        var report = Build("a=0 b=1 c=ja d=2 e=ja", "a=2 b=1 c=ja d=3 e=teilweise", "a=4 b=1 c=nein d=nr e=ja");

        var team = report.Team!;
        Assert.Equal(["1.1", "1.3"], team.Discuss.Select(d => d.Item.Number));
        Assert.Equal("von „0 – nie“ bis „4 – immer“", team.Discuss[0].Range);
        Assert.Equal("von „Nein“ bis „Ja“", team.Discuss[1].Range);
        Assert.Equal("Mittel 50 · 3 Antworten, von „0 – nie“ bis „4 – immer“", team.Discuss[0].Item.Answer);
        Assert.Equal(45m, team.Overall);
        Assert.Equal(0m, team.Einigkeit);
        Assert.DoesNotContain("P1", string.Join(" ", team.Discuss.Select(d => d.Item.Answer + d.Range)), StringComparison.Ordinal);
        Assert.Equal("Mittel 63 · 2 Antworten, von „2 – manchmal“ bis „3 – oft“, 1× nicht relevant", report.Details[1].Items[0].Answer);
    }

    [Fact]
    public void Unassessable_scores_say_so_instead_of_a_number()
    {
        var report = Build("a=3");

        Assert.Equal("nicht bewertbar", report.Sections[0].Display);
        Assert.False(report.Overall.Assessable);
        Assert.Equal("Für einen Gesamtwert wurden zu wenige Fragen beantwortet.", report.OverallText);
        Assert.Equal(4, report.Unanswered);
    }

    [Fact]
    public void The_checklist_holds_every_item_not_yet_fully_in_place_with_its_next_step()
    {
        var report = Build("a=4 b=1 c=ja d=nr");

        var checklist = report.Checklist!;
        Assert.Equal(["1.2"], checklist[0].Items.Select(i => i.Number));
        Assert.Equal("Hinweis B.", checklist[0].Items[0].NextStep);
        Assert.Equal(["2.2"], checklist[1].Items.Select(i => i.Number));       // d is not relevant
        Assert.Equal("noch nicht beantwortet", checklist[1].Items[0].State);
    }

    [Fact]
    public void The_trend_compares_sections_and_follows_a_renamed_question()
    {
        var text = Fixtures.Text("scoring.md");
        var oldVersion = QuestionnaireLoader.Load(Fixtures.File("_profile.md"), Fixtures.File("_offers.md"),
            SourceFile.FromText("alt.md", text.Replace("{#d}", "{#d-alt}", StringComparison.Ordinal))).Questionnaires.Single();
        var newVersion = QuestionnaireLoader.Load(Fixtures.File("_profile.md"), Fixtures.File("_offers.md"),
            SourceFile.FromText("neu.md", text.Replace("version: \"1\"", "version: \"2\"\nrenamed:\n  d-alt: d", StringComparison.Ordinal))).Questionnaires.Single();
        var before = Scorer.Score(oldVersion, Gruendung, [new RespondentAnswers("P", new Dictionary<string, Answer>
        {
            ["a"] = new Answer.Choice("1"), ["b"] = new Answer.Choice("3"), ["c"] = new Answer.Choice("nein"),
            ["d-alt"] = new Answer.Choice("0"), ["e"] = new Answer.Choice("nein"),
        })]);
        var now = Scorer.Score(newVersion, Gruendung, [Person("a=3 b=1 c=ja d=4 e=nein")]);

        var trend = ProfileBuilder.Build(now, Offers, Subject with { RoundNumber = 2 }, new PreviousRound(1, before)).Trend!;

        Assert.Equal(1, trend.PreviousRound);
        Assert.Equal("1", trend.PreviousVersion);
        Assert.Equal([18.8m, 81.3m], [trend.Sections[0].Before!.Value, trend.Sections[0].Now!.Value]);
        Assert.Equal(62.5m, trend.Sections[0].Delta);
        Assert.Equal(50m, trend.Sections[1].Delta);                        // d-alt 0 → d 100, e unchanged
        Assert.Contains(trend.Items, t => t.Label.StartsWith("2.1 ", StringComparison.Ordinal) && t.Delta == 100m);
        Assert.Equal(["1.1", "1.2", "1.3", "2.1"], trend.Items.Select(t => t.Label[..3]).Order());
    }

    [Fact]
    public void The_method_text_quotes_the_thresholds_the_code_uses()
    {
        var text = MethodText.Markdown;

        Assert.Contains($"unter {Method.MinCoverage * 100:0} Prozent", text, StringComparison.Ordinal);
        Assert.Contains($"mit {Method.StrengthFrom:0} oder mehr", text, StringComparison.Ordinal);
        Assert.Contains($"Frage unter {Method.WeaknessBelow:0}", text, StringComparison.Ordinal);
        Assert.Contains($"Ab {Method.HighPriorityFrom:0} gilt", text, StringComparison.Ordinal);
        Assert.Contains($"ab {Method.MediumPriorityFrom:0} als", text, StringComparison.Ordinal);
        Assert.Contains($"{Method.DiscussFromSteps switch { 2 => "zwei", _ => "?" }} Skalenstufen", text, StringComparison.Ordinal);
        Assert.Contains($"höchstens {Words(Method.MaxSupportNeeds)} Angebote", text, StringComparison.Ordinal);
        Assert.Contains($"bis zu {Words(Method.MaxAlsoWorthALook)} weitere passende Angebote", text, StringComparison.Ordinal);
    }

    private static string Words(int number) => number switch
    {
        2 => "zwei",
        3 => "drei",
        4 => "vier",
        _ => "?",
    };

    [Fact]
    public void The_method_text_explains_weiss_nicht_and_practice_and_results()
    {
        var text = MethodText.Markdown;

        Assert.Contains("„weiß nicht“ wird wie eine unbeantwortete Frage gerechnet", text, StringComparison.Ordinal);
        Assert.Contains("**Arbeitsweise und Ergebnisse.**", text, StringComparison.Ordinal);
        Assert.Contains("nicht der Leitfaden ist, den Sie gerade ausfüllen", text, StringComparison.Ordinal);
    }
}
