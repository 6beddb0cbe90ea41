using SelfEval.Scoring.Exchange;
using SelfEval.Scoring.Model;

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
}
