using SelfEval.Scoring.Exchange;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;

namespace SelfEval.Scoring.Tests.Scoring;

public sealed class ExchangeReaderTests
{
    private static readonly Questionnaire Wertung = ScorerTests.Wertung;

    [Fact]
    public void A_valid_export_becomes_profile_and_respondents()
    {
        var (data, problems) = ExchangeReader.Read(
            """
            {"questionnaire":{"id":"wertung","version":"1","hash":"x"},
             "initiative":{"name":"Initiative Süd","phase":"gruendung","themen":["wasserstoff"],"gruendungsjahr":2021},
             "round":{"number":2,"closedAt":null},
             "respondents":[{"label":"Anna","finishedAt":null,"answers":{"a":"3","c":"ja","d":"n/a"}},{"label":"Ben","answers":{}}]}
            """, Wertung);

        Assert.Empty(problems);
        Assert.Equal("Initiative Süd", data!.InitiativeName);
        Assert.Equal(2, data.RoundNumber);
        Assert.Equal(new Answer.Number(2021), data.Profile["gruendungsjahr"]);
        Assert.Equal(["Anna", "Ben"], data.Respondents.Select(r => r.Label));
        Assert.Equal(new Answer.Choice("3"), data.Respondents[0].Answers["a"]);
        Assert.Equal(new Answer.NotRelevant(null), data.Respondents[0].Answers["d"]);
    }

    [Fact]
    public void A_file_with_the_teams_figures_is_scored_from_them_and_lists_only_who_shared()
    {
        var (data, problems) = ExchangeReader.Read(
            """
            {"initiative":{"phase":"gruendung"},
             "respondents":[{"label":"Anna","sharing":"coordinator","answers":{"a":"3"}}],
             "team":{"respondents":3,"answers":{
               "a":{"counts":{"3":2,"1":1},"notRelevant":0,"notAsked":0,"unanswered":0},
               "d":{"counts":{"2":1},"notRelevant":1,"notAsked":0,"unanswered":1}}}}
            """, Wertung);

        Assert.Empty(problems);
        Assert.Equal(["Anna"], data!.Respondents.Select(r => r.Label));
        Assert.Equal(3, data.Team.Respondents);
        Assert.Equal(new Answer.Choice("gruendung"), data.Team.Profile["phase"]);
        var fromFile = Scorer.Score(Wertung, data.Team);
        var fromPeople = ScorerTests.Score("a=3 d=2", "a=1 d=nr", "a=3");
        Assert.Equal(fromPeople.Item("a")!.Score, fromFile.Item("a")!.Score);
        Assert.Equal(fromPeople.Item("d")!.Score, fromFile.Item("d")!.Score);
        Assert.Equal(fromPeople.Overall, fromFile.Overall);
        Assert.Equal(fromPeople.Agreement, fromFile.Agreement);
    }

    [Fact]
    public void Team_figures_with_weiss_nicht_read_back_and_score_as_the_people_did()
    {
        var allowed = ScorerTests.With(Wertung, q => q with { AllowsDontKnow = true });
        var (data, problems) = ExchangeReader.Read(
            """
            {"initiative":{"phase":"gruendung"},"respondents":[],
             "team":{"respondents":3,"answers":{
               "a":{"counts":{"3":1},"notRelevant":0,"dontKnow":2,"notAsked":0,"unanswered":0}}}}
            """, allowed);

        Assert.Empty(problems);
        Assert.Equal(2, data!.Team.For("a").DontKnow);
        var fromPeople = Scorer.Score(allowed, ScorerTests.Gruendung, [ScorerTests.Person("a=3"), ScorerTests.Person("a=dk"), ScorerTests.Person("a=dk")]);
        var fromFile = Scorer.Score(allowed, data.Team);
        Assert.Equal(fromPeople.Item("a")!.DontKnow, fromFile.Item("a")!.DontKnow);
        Assert.Equal(fromPeople.Overall, fromFile.Overall);
    }

    [Fact]
    public void Weiss_nicht_in_team_figures_is_refused_where_the_question_does_not_offer_it()
    {
        var (data, problems) = ExchangeReader.Read(
            """
            {"respondents":[],"team":{"respondents":1,"answers":{"a":{"dontKnow":1}}}}
            """, Wertung);

        Assert.Null(data);
        Assert.Equal(["$.team.answers.a.dontKnow: Diese Frage lässt „weiß nicht“ nicht zu."], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_file_without_team_figures_counts_them_from_its_respondents()
    {
        var (data, _) = ExchangeReader.Read("""{"respondents":[{"answers":{"a":"3"}},{"answers":{"a":"1"}}]}""", Wertung);

        Assert.Equal(2, data!.Team.Respondents);
        Assert.Equal([new("1", 1), new("3", 1)], data.Team.For("a").Counts);
    }

    [Fact]
    public void Problems_in_the_teams_figures_are_reported_with_their_json_path()
    {
        var (data, problems) = ExchangeReader.Read(
            """
            {"respondents":[],
             "team":{"respondents":2,"answers":{
               "a":{"counts":{"7":1,"3":-1}},
               "c":{"counts":{"ja":1},"notRelevant":1},
               "x":{},
               "b":{"texts":["x"]},
               "e":{"counts":{"ja":1}}}}}
            """, Wertung);

        Assert.Null(data);
        Assert.Equal(
        [
            "$.team.answers.a.counts.7: Der Wert \"7\" liegt nicht auf der Skala; möglich sind: 0, 1, 2, 3, 4.",
            "$.team.answers.a.counts.3: Erwartet wird eine Anzahl (0 oder mehr).",
            "$.team.answers.c.notRelevant: Diese Frage lässt „nicht relevant“ (n/a) nicht zu.",
            "$.team.answers.x: Die Frage 'x' gibt es im Leitfaden 'wertung' (Version 1) nicht.",
            "$.team.answers.b.texts: Für diese Frage wird counts erwartet, nicht texts.",
            "$.team.answers.e: Die Angaben ergeben zusammen 1 Person, das Team hat aber 2 (team.respondents).",
        ], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_json_path()
    {
        var (data, problems) = ExchangeReader.Read(
            """
            {"questionnaire":{"id":"anderer"},
             "initiative":{"phase":"bald","a":"3"},
             "respondents":[{"answers":{"a":"7","b":3,"c":"n/a","x":"1","themen":["a"],"e":"vielleicht"}}]}
            """, Wertung);

        Assert.Null(data);
        Assert.Equal(
        [
            "$.questionnaire.id: Die Datei gehört zum Leitfaden 'anderer', nicht zu 'wertung'.",
            "$.initiative.phase: Der Wert \"bald\" liegt nicht auf der Skala; möglich sind: gruendung, etabliert.",
            "$.initiative.a: 'a' ist keine Profilfrage.",
            "$.respondents[0].answers.a: Der Wert \"7\" liegt nicht auf der Skala; möglich sind: 0, 1, 2, 3, 4.",
            "$.respondents[0].answers.b: Erwartet wird der Antwortwert als Text, z. B. \"3\".",
            "$.respondents[0].answers.c: Diese Frage lässt „nicht relevant“ (n/a) nicht zu.",
            "$.respondents[0].answers.x: Die Frage 'x' gibt es im Leitfaden 'wertung' (Version 1) nicht.",
            "$.respondents[0].answers.themen: 'themen' ist eine Profilfrage und gehört unter initiative.",
            "$.respondents[0].answers.e: Der Wert \"vielleicht\" liegt nicht auf der Skala; möglich sind: ja, teilweise, nein.",
        ], problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("{", "$ (Zeile 1): Die Datei ist kein gültiges JSON.")]
    [InlineData("[]", "$: Erwartet wird ein JSON-Objekt mit questionnaire, initiative, round und respondents.")]
    [InlineData("{}", "$.respondents: Es fehlt die Liste der Antwortenden (respondents).")]
    [InlineData("{\"respondents\":[{\"answers\":[]}]}", "$.respondents[0].answers: Erwartet wird ein Objekt der Form {\"frage-id\": wert}.")]
    public void Broken_files_are_refused_with_a_path(string json, string problem)
    {
        var (data, problems) = ExchangeReader.Read(json, Wertung);

        Assert.Null(data);
        Assert.Equal([problem], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void The_team_conversation_reads_back_as_agreed_answers_and_actions_decided_in_the_files_round()
    {
        var (data, problems) = ExchangeReader.Read(
            """
            {"formatVersion":2,"round":{"number":2},"respondents":[],
             "conversation":{
               "agreed":{"d":{"answer":"n/a","note":null},"a":{"answer":"3","note":"Nach dem Gespräch einig."}},
               "actions":[
                 {"question":"a","what":"Zielbild aufschreiben","who":"=Anna und Ben","due":"2027-03-15","status":"partly","statusRound":3},
                 {"question":"d","what":"Rollen klären","who":null,"due":null,"status":"open","statusRound":null}]}}
            """, Wertung);

        Assert.Empty(problems);
        var conversation = data!.Conversation;
        Assert.Equal([new AgreedAnswer("d", new Answer.NotRelevant(null), null), new AgreedAnswer("a", new Answer.Choice("3"), "Nach dem Gespräch einig.")], conversation.Agreed);
        Assert.Equal(
        [
            new TeamAction(1, "a", "Zielbild aufschreiben", "=Anna und Ben", new DateOnly(2027, 3, 15), ActionStatus.Partly, 2) { MarkedInRound = 3 },
            new TeamAction(2, "d", "Rollen klären", null, null, ActionStatus.Open, 2),
        ], conversation.Actions);
    }

    [Fact]
    public void A_file_from_before_the_conversation_was_exported_reads_as_it_did_with_no_conversation()
    {
        var (data, problems) = ExchangeReader.Read("""{"round":{"number":1},"respondents":[{"answers":{"a":"3"}}]}""", Wertung);

        Assert.Empty(problems);
        Assert.True(data!.Conversation.IsEmpty);
        Assert.Equal(1, data.Team.Respondents);
    }

    [Fact]
    public void Problems_in_the_conversation_are_reported_with_their_json_path()
    {
        var (data, problems) = ExchangeReader.Read(
            """
            {"round":{"number":2},"respondents":[],
             "conversation":{
               "agreed":{"a":{"answer":"7"},"x":{"answer":"1"},"phase":{"answer":"gruendung"},"c":"ja"},
               "actions":[
                 {"question":"a","what":" ","due":"31.03.2027","status":"fertig","statusRound":2},
                 {"question":"zz","what":"Etwas tun"},
                 "Etwas anderes"]}}
            """, Wertung);

        Assert.Null(data);
        Assert.Equal(
        [
            "$.conversation.agreed.a.answer: Der Wert \"7\" liegt nicht auf der Skala; möglich sind: 0, 1, 2, 3, 4.",
            "$.conversation.agreed.x: Die Frage 'x' gibt es im Leitfaden 'wertung' (Version 1) nicht.",
            "$.conversation.agreed.phase: 'phase' ist eine Profilfrage; über sie spricht das Team nicht.",
            "$.conversation.agreed.c: Erwartet wird ein Objekt mit answer und note.",
            "$.conversation.actions[0].what: Erwartet wird ein Text.",
            "$.conversation.actions[0].due: Erwartet wird ein Datum der Form 2027-03-31.",
            "$.conversation.actions[0].status: Erwartet wird einer der Werte open, done, partly, not-done.",
            "$.conversation.actions[0].statusRound: Erwartet wird die Nummer eines späteren Durchgangs oder null.",
            "$.conversation.actions[1].question: Die Frage 'zz' gibt es im Leitfaden 'wertung' (Version 1) nicht.",
            "$.conversation.actions[2]: Erwartet wird ein Objekt mit question, what, who, due, status und statusRound.",
        ], problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"2\"")]
    [InlineData("0")]
    public void A_format_version_this_reader_does_not_know_is_refused(string version)
    {
        var (data, problems) = ExchangeReader.Read($$"""{"formatVersion":{{version}},"respondents":[]}""", Wertung);

        Assert.Null(data);
        Assert.Equal(["$.formatVersion: Diese Version des Austauschformats kann SelfEval nicht lesen; es liest die Versionen 1 bis 2."], problems.Select(p => p.ToString()));
    }
}
