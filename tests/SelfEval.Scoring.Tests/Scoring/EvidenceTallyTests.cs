using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using static SelfEval.Scoring.Tests.Scoring.ScorerTests;

namespace SelfEval.Scoring.Tests.Scoring;

/// <summary>Evidence notes in the team's figures and the profile: counted and listed, never tied to a person.</summary>
public sealed class EvidenceTallyTests
{
    private static readonly ProfileSubject Subject = new("Initiative Süd", new DateOnly(2026, 11, 22), 1);

    private static Dictionary<string, string> Notes(params (string Question, string Note)[] notes) =>
        notes.ToDictionary(n => n.Question, n => n.Note, StringComparer.Ordinal);

    private static TeamTally Tally(IReadOnlyDictionary<string, Answer> profile, params (string Answers, Dictionary<string, string> Notes)[] people) =>
        TeamTally.Of(Wertung, profile, people.Select(p => Person(p.Answers).Answers).ToList(), people.Select(p => (IReadOnlyDictionary<string, string>)p.Notes).ToList());

    [Fact]
    public void Notes_are_listed_sorted_and_counted_only_beside_a_scored_answer()
    {
        var tally = Tally(
            Gruendung,
            ("a=3 b=1", Notes(("a", "Zweite Notiz"), ("b", "Beschluss vom März"))),
            ("a=nr b=dk", Notes(("a", "Erste Notiz"), ("b", "Weiß es nicht genau"))),
            ("a=1", Notes(("b", "Nur eine Notiz, keine Antwort"))));
        var reversed = Tally(
            Gruendung,
            ("a=1", Notes(("b", "Nur eine Notiz, keine Antwort"))),
            ("a=nr b=dk", Notes(("a", "Erste Notiz"), ("b", "Weiß es nicht genau"))),
            ("a=3 b=1", Notes(("a", "Zweite Notiz"), ("b", "Beschluss vom März"))));

        Assert.Equal(["Erste Notiz", "Zweite Notiz"], tally.For("a").Evidence);
        Assert.Equal(["Beschluss vom März", "Nur eine Notiz, keine Antwort", "Weiß es nicht genau"], tally.For("b").Evidence);
        Assert.Equal(1, tally.For("a").WithEvidence); // "nicht relevant" has its own reason, not evidence of a level
        Assert.Equal(1, tally.For("b").WithEvidence);
        Assert.Equal(tally.For("b").Evidence, reversed.For("b").Evidence);
        Assert.Equal(0, tally.For("c").WithEvidence);
    }

    [Fact]
    public void A_note_on_a_question_its_condition_hides_stays_out_like_the_answer()
    {
        var founding = Tally(Gruendung, ("c=ja", Notes(("c", "Gründungsprotokoll"))));
        var later = Tally(new Dictionary<string, Answer> { ["phase"] = new Answer.Choice("etabliert") }, ("c=ja", Notes(("c", "Gründungsprotokoll"))));

        Assert.Equal(["Gründungsprotokoll"], founding.For("c").Evidence);
        Assert.Empty(later.For("c").Evidence);
        Assert.Equal(0, later.For("c").WithEvidence);
    }

    [Fact]
    public void The_profile_counts_answers_with_evidence_against_all_scored_answers_and_lists_the_notes_per_question()
    {
        var tally = Tally(
            Gruendung,
            ("a=3 b=1 c=ja d=2 e=nein", Notes(("a", "Protokoll"), ("d", "https://example.org/plan"))),
            ("a=1 b=2 c=nein d=3 e=ja", Notes(("a", "Aktennotiz"))));

        var report = ProfileBuilder.Build(Scorer.Score(Wertung, tally), null, Subject);

        Assert.Equal(new EvidenceCount(3, 10), report.Evidence);
        Assert.Equal(["1.1", "2.1"], report.EvidenceNotes.Select(n => n.Number));
        Assert.Equal(["Aktennotiz", "Protokoll"], report.EvidenceNotes[0].Answers);
    }

    [Fact]
    public void Without_notes_the_count_is_zero_and_nothing_is_listed()
    {
        var report = ProfileBuilder.Build(Scorer.Score(Wertung, Tally(Gruendung, ("a=3 b=1", Notes()))), null, Subject);
        var unscored = ProfileBuilder.Build(Score("a=3 b=1"), null, Subject);

        Assert.Equal(new EvidenceCount(0, 2), report.Evidence);
        Assert.Empty(report.EvidenceNotes);
        Assert.Equal(new EvidenceCount(0, 2), unscored.Evidence);
    }
}

/// <summary>An export with the team's evidence notes reads back, so a profile built from the file counts and lists them too.</summary>
public sealed class EvidenceExchangeTests
{
    [Fact]
    public void The_teams_notes_and_their_count_read_back_from_an_export()
    {
        var (data, problems) = SelfEval.Scoring.Exchange.ExchangeReader.Read(
            """
            {"initiative":{"phase":"gruendung"},
             "respondents":[{"label":"Anna","sharing":"coordinator","answers":{"a":"3"},"evidence":{"a":"Protokoll"}}],
             "team":{"respondents":2,"answers":{
               "a":{"counts":{"3":1,"1":1},"notRelevant":0,"notAsked":0,"unanswered":0,"evidence":["Protokoll","Aktennotiz"],"withEvidence":2}}}}
            """, Wertung);

        Assert.Empty(problems);
        Assert.Equal(["Aktennotiz", "Protokoll"], data!.Team.For("a").Evidence);
        Assert.Equal(2, data.Team.For("a").WithEvidence);
    }

    [Theory]
    [InlineData("\"evidence\":\"Protokoll\"", "$.team.answers.a.evidence")]
    [InlineData("\"withEvidence\":3", "$.team.answers.a.withEvidence")]
    public void Notes_that_are_no_list_of_texts_or_more_than_the_scored_answers_are_refused(string member, string path)
    {
        var (_, problems) = SelfEval.Scoring.Exchange.ExchangeReader.Read(
            "{\"initiative\":{\"phase\":\"gruendung\"},\"respondents\":[],\"team\":{\"respondents\":2,\"answers\":{\"a\":{\"counts\":{\"3\":1,\"1\":1}," + member + "}}}}",
            Wertung);

        Assert.Contains(problems, p => p.Path == path);
    }
}
