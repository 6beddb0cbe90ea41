using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Tests.Answering;

public sealed class TimeEstimateTests
{
    // One question of every kind with one-word texts, so the reading time is easy to count by hand.
    private const string Guide = """
        ---
        id: zeit
        version: "1"
        title: Zeit
        description: Test.
        audience: Testteams
        minutes: 5
        scales:
          s:
            - 0: nein
            - 4: ja
        bands:
          - from: 0
            name: A
            text: A.
        ---

        # Zeit

        ## Teil {#teil}

        Eins zwei drei vier fünf sechs sieben acht neun zehn.

        ### Skala? {#skala}

        - type: scale
        - scale: s
        - aspect: einigkeit
        - dimension: innen
        - hint: H.
        - measures: practice

        ### Ja? {#janein}

        - type: yesno
        - aspect: kontext
        - dimension: aussen
        - hint: H.
        - measures: result

        ### Wahl? {#wahl}

        - type: single
        - options:
          - a: Eins
          - b: Zwei drei

        ### Mehr? {#mehr}

        - type: multi
        - options:
          - c: Vier
          - d: Fünf sechs

        ### Zahl? {#zahl}

        - type: number

        ### Kurz? {#kurz}

        - type: text

        ### Lang? {#lang}

        Bitte ausführlich antworten.

        - type: longtext
        - when: phase = gruendung
        """;

    private static readonly Questionnaire Zeit = Fixtures.LoadText("zeit.md", Guide).Questionnaires.Single();

    [Theory]
    [InlineData(QuestionType.YesNo, 5)]
    [InlineData(QuestionType.Single, 6)]
    [InlineData(QuestionType.Scale, 10)]
    [InlineData(QuestionType.Multi, 12)]
    [InlineData(QuestionType.Number, 10)]
    [InlineData(QuestionType.Text, 20)]
    [InlineData(QuestionType.LongText, 90)]
    public void Each_kind_of_question_takes_its_time_to_answer(QuestionType type, int seconds)
    {
        Assert.Equal(seconds, TimeEstimate.DecisionSeconds(type));
    }

    // Profile of the fixtures: 18 words (title, four questions, the options of phase and themen) and
    // 20 + 6 + 10 + 12 = 48 seconds to answer. Guide: title and intro 11 words, the six questions
    // shown always 12 words (with their options), answered in 10 + 5 + 6 + 12 + 10 + 20 = 63 seconds; the long text adds
    // 4 words and 90 seconds. 200 words a minute are 0.3 seconds a word.
    public static TheoryData<string?, double> Scenarios => new()
    {
        { null, 48 + 63 + (18 + 23) * 0.3 },
        { "etabliert", 48 + 63 + (18 + 23) * 0.3 },
        { "gruendung", 48 + 63 + 90 + (18 + 27) * 0.3 },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_time_counts_only_the_questions_the_answers_show(string? phase, double seconds)
    {
        var answers = phase is null ? new Dictionary<string, Answer>() : new Dictionary<string, Answer> { ["phase"] = new Answer.Choice(phase) };

        Assert.Equal(seconds, TimeEstimate.Seconds(Zeit, answers), 6);
    }

    [Fact]
    public void The_range_runs_from_the_shortest_to_the_longest_combination_of_answers()
    {
        var range = TimeEstimate.Range(Zeit);

        Assert.Equal(48 + 63 + 41 * 0.3, range.MinSeconds, 6);
        Assert.Equal(48 + 63 + 90 + 45 * 0.3, range.MaxSeconds, 6);
        Assert.Equal((5, 5), (range.FromMinutes, range.ToMinutes)); // about 2 and 3.6 minutes: at least five
    }

    [Theory]
    [InlineData(20 * 60 + 10, 33 * 60, 20, 35)]
    [InlineData(22 * 60 + 40, 23 * 60, 25, 25)]
    public void Minutes_are_rounded_to_five(double min, double max, int from, int to)
    {
        var range = new TimeRange(min, max);

        Assert.Equal((from, to), (range.FromMinutes, range.ToMinutes));
    }
}
