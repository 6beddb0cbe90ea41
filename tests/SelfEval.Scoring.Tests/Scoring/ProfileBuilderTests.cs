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

    // Scores of a, b (reversed), c, d, e → the mean of the five; a strength lies 15 or more above it and at least at
    // 50, a development area 15 or more below it and under 75. b is reversed: b=1 scores 75.
    [Theory]
    [InlineData("a=3 b=1 c=ja d=2 e=nein", 60, "1.3 1.1 1.2", "2.2", Spread.Uneven)]      // 75 75 100 50 0: 100 first, then 75 by weight (4 before 2)
    [InlineData("a=1 b=3 c=ja d=4 e=nein", 50, "1.3 2.1", "1.1 1.2 2.2", Spread.Uneven)] // 25 25 100 100 0: a (w 4, gap 75 → 300), b (150), e (100)
    [InlineData("a=4 b=0 c=ja d=0 e=nein", 60, "1.1 1.2 1.3", "2.1 2.2", Spread.Uneven)] // 100 100 100 0 0: ties by weight, then order; d, e tie → questionnaire order
    [InlineData("a=4 b=0 c=ja d=4 e=ja", 100, "", "", Spread.Even)]                      // all at the top: nothing stands out, said plainly
    [InlineData("a=2 b=2 c=ja d=3 e=teilweise", 65, "1.3", "1.1 1.2 2.2", Spread.Uneven)] // 50 50 100 75 50: 100 ≥ 80; the 50s ≤ 50, by weight × gap
    [InlineData("a=2 b=2 c=ja", 66.7, "", "", Spread.TooFewAnswers)]
    [InlineData("a=4 b=0 c=ja d=4 e=teilweise", 90, "1.1 1.2 1.3 2.1", "2.2", Spread.Uneven)] // 100 100 100 100 50: near the top the 100s still stand out
    [InlineData("a=0 b=4 c=nein d=1 e=nein", 5, "", "1.1 1.2 1.3 2.2", Spread.Uneven)]        // 0 0 0 25 0: near the bottom the 0s fall behind; 25 is no strength                      // three scored items are too few to tell apart
    public void Strengths_and_development_areas_are_the_outliers_against_the_initiatives_own_mean(
        string answers, double mean, string strengths, string weaknesses, Spread spread)
    {
        var report = Build(answers);

        Assert.Equal((decimal)mean, report.ItemMean);
        Assert.Equal(strengths, string.Join(' ', report.Strengths.Select(s => s.Number)));
        Assert.Equal(weaknesses, string.Join(' ', report.Weaknesses.Select(w => w.Item.Number)));
        Assert.Equal(spread, report.Spread);
    }

    [Fact]
    public void A_development_area_carries_its_next_step()
    {
        var report = Build("a=1 b=3 c=ja d=4 e=nein");

        Assert.Equal("Hinweis A.", report.Weaknesses[0].Hint);
    }

    [Fact]
    public void Page_one_holds_at_most_three_of_each_list_in_their_order()
    {
        // Two people far apart on every question: five to discuss, and three offers' worth of gaps.
        var report = Build("a=0 b=4 c=nein d=0 e=nein", "a=4 b=0 c=ja d=4 e=ja");

        Assert.Equal(5, report.Team!.Discuss.Count);
        Assert.Equal(report.Team.Discuss.Take(3), report.Summary.Discuss);
        Assert.True(report.Summary.Strengths.Count <= ProfileSummary.Size);
        Assert.True(report.Summary.Weaknesses.Count <= ProfileSummary.Size);
        Assert.True(report.Summary.Offers.Count <= ProfileSummary.Size);
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
        Assert.Equal([Urgency.High, Urgency.High], report.SupportNeeds.Select(n => n.Urgency)); // a alone: 60, b alone: 30
        Assert.Equal(Urgency.Medium, Build("a=4 b=0 c=ja d=1 e=ja").SupportNeeds.Single().Urgency);   // d at 25, weight 1: 15
        Assert.Equal("Peer-Meeting", report.SupportNeeds[0].Title);
        Assert.Equal(["1.1", "2.1"], report.SupportNeeds[0].Because.Select(b => b.Number));
        Assert.Equal(["Hinweis A.", "Hinweis D."], report.SupportNeeds[0].NextSteps);
        Assert.Equal(new ChoiceRef("selten", "1"), report.SupportNeeds[0].Because[0].Answer.Lowest);
        Assert.Equal(["1.2", "2.2"], report.SupportNeeds[1].Because.Select(b => b.Number));
    }

    [Fact]
    public void A_strong_initiative_has_no_support_needs()
    {
        var report = Build("a=4 b=0 c=ja d=4 e=ja");

        Assert.Empty(report.Weaknesses);
        Assert.Empty(report.SupportNeeds);
        Assert.Equal("Etabliert", report.Overall.Band);
        Assert.Equal(100m, report.Overall.Shown);
    }

    [Fact]
    public void A_team_report_lists_what_to_discuss_with_the_range_never_the_names()
    {
        var report = Build("a=0 b=1 c=ja d=2 e=ja", "a=2 b=1 c=ja d=3 e=teilweise", "a=4 b=1 c=nein d=nr e=ja");

        var team = report.Team!;
        Assert.Equal(["1.1", "1.3"], team.Discuss.Select(d => d.Item.Number));
        Assert.Equal([0m, 50m, 100m], team.Discuss[0].Points);                 // one dot per person, ascending: no order of people
        Assert.Equal(4, team.Discuss[0].Steps);
        Assert.Equal(new AnswerSummary(AnswerState.Answered, 50m, 3, new ChoiceRef("nie", "0"), new ChoiceRef("immer", "4"), 0, 0, true), team.Discuss[0].Item.Answer);
        Assert.Equal((new ChoiceRef("Nein", null), new ChoiceRef("Ja", null)), (team.Discuss[1].Item.Answer.Lowest, team.Discuss[1].Item.Answer.Highest));
        Assert.Equal(45m, team.Overall);
        Assert.Equal(new AnswerSummary(AnswerState.Answered, 62.5m, 2, new ChoiceRef("manchmal", "2"), new ChoiceRef("oft", "3"), 1, 0, true), report.Details[1].Items[0].Answer);
    }

    [Fact]
    public void Unassessable_scores_say_so_instead_of_a_number()
    {
        var report = Build("a=3");

        Assert.Null(report.Sections[0].Shown);
        Assert.False(report.Overall.Assessable);
        Assert.Null(report.OverallBand);
        Assert.Equal(Spread.TooFewAnswers, report.Spread);
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
        Assert.Equal(AnswerState.Unanswered, checklist[1].Items[0].State.State);
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
        Assert.Equal([19m, 81m], [trend.Sections[0].Before!.Value, trend.Sections[0].Now!.Value]); // 18.75 and 81.25, shown whole
        Assert.Equal(62m, trend.Sections[0].Delta);                        // as a reader subtracts what is shown, not 62.5
        Assert.Equal(50m, trend.Sections[1].Delta);                        // d-alt 0 → d 100, e unchanged
        Assert.Contains(trend.Items, t => t.Label.StartsWith("2.1 ", StringComparison.Ordinal) && t.Delta == 100m);
        Assert.Equal(["1.1", "1.2", "1.3", "2.1"], trend.Items.Select(t => t.Label[..3]).Order());
    }

    [Fact]
    public void The_method_text_quotes_the_thresholds_the_code_uses()
    {
        var text = MethodText.Markdown;

        Assert.Contains($"unter {Method.MinCoverage * 100:0} Prozent", text, StringComparison.Ordinal);
        Assert.Contains($"um {Method.OutlierMargin:0} Punkte oder mehr über", text, StringComparison.Ordinal);
        Assert.Contains($"mindestens {Method.WeaknessBelow:0} erreicht", text, StringComparison.Ordinal);
        Assert.Contains($"unter {Method.StrengthFrom:0} bleibt", text, StringComparison.Ordinal);
        Assert.Contains($"weniger als {Method.MinItemsForLists} bewerteten Fragen", text, StringComparison.Ordinal);
        Assert.Contains($"Jede Frage unter {Method.WeaknessBelow:0}", text, StringComparison.Ordinal);
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
        Assert.Contains("**Vorgehen und Ergebnisse.**", text, StringComparison.Ordinal);
        Assert.Contains("nicht der Leitfaden ist, den Sie gerade ausfüllen", text, StringComparison.Ordinal);
        Assert.Contains("**Regionaler Kontext.**", text, StringComparison.Ordinal);
    }
}
