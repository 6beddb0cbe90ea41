using System.Text.Json;
using Dapper;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Office;

/// <summary>The numbers of one closed round that the comparison uses: scores and ids, nothing that names anyone.</summary>
public sealed record RoundResult(
    decimal? Overall,
    Dictionary<string, decimal> Sections,
    Dictionary<string, decimal> Aspects,
    Dictionary<string, decimal> Dimensions,
    List<string> Weak,
    List<string> Needs)
{
    /// <summary>The share of the guide's scored questions the round answered (0 to 1).</summary>
    public decimal Coverage { get; init; }
}

/// <summary>Scores closed rounds once and keeps the result, so the office's figures never touch answers.</summary>
public sealed class RoundResultStore(
    Database db, AssessmentStore assessments, RoundReader reader, QuestionnaireCatalog catalog, TimeProvider clock)
{
    public static RoundResult FromCard(ScoreCard card, OfferCatalog? offers)
    {
        static decimal? Value(ScoreValue v) => v.Assessable ? v.Value : null;
        var report = ProfileBuilder.Build(card, offers, new ProfileSubject(string.Empty, DateOnly.MinValue, 0));
        return new RoundResult(
            Value(card.Overall),
            card.Sections.Where(s => s.Score.Assessable).ToDictionary(s => s.Section.Id, s => s.Score.Value!.Value),
            card.Aspects.Where(a => a.Value.Assessable).ToDictionary(a => a.Key.Name(), a => a.Value.Value!.Value),
            card.Dimensions.Where(d => d.Value.Assessable).ToDictionary(d => d.Key.Name(), d => d.Value.Value!.Value),
            card.Items.Where(i => i.Score < Method.WeaknessBelow).Select(i => i.Question.Id).ToList(),
            report.SupportNeeds.Where(n => n.Urgency >= Urgency.Medium).Select(n => n.OfferId).ToList())
        {
            Coverage = card.Overall.Coverage,
        };
    }

    public void Compute(long roundId)
    {
        var round = assessments.GetRound(roundId);
        if (round is not { IsClosed: true })
        {
            return;
        }

        // The comparison counts what the initiative's own profile counts: the same read, the same rules.
        var data = reader.Read(round);
        var result = FromCard(Scorer.Score(data.Questionnaire, RoundAnswers.Of(data).Team), catalog.Offers);
        Save(roundId, data.Questionnaire.Id, result);
    }

    public void Save(long roundId, string questionnaireId, RoundResult result)
    {
        using var connection = db.Open();
        connection.Execute(
            """
            INSERT INTO round_results (round_id, questionnaire_id, results_json, computed_at, coverage) VALUES (@roundId, @questionnaireId, @json, @now, @coverage)
            ON CONFLICT (round_id) DO UPDATE SET results_json = excluded.results_json, computed_at = excluded.computed_at, coverage = excluded.coverage
            """,
            new { roundId, questionnaireId, json = JsonSerializer.Serialize(result), now = clock.Stamp(), coverage = (double)result.Coverage });
    }

    /// <summary>
    /// Scores every closed round that has no result yet (closed before this table existed, or imported), or
    /// whose result predates the coverage it is now counted by.
    /// </summary>
    public int ComputeMissing()
    {
        using var connection = db.Open();
        var missing = connection.Query<long>(
            "SELECT r.id FROM rounds r LEFT JOIN round_results rr ON rr.round_id = r.id WHERE r.closed_at IS NOT NULL AND (rr.round_id IS NULL OR rr.coverage IS NULL)").ToList();
        foreach (var id in missing)
        {
            Compute(id);
        }

        return missing.Count;
    }
}
