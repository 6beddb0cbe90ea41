using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Scoring.Statistics;
using SelfEval.Web.Assessments;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Reports;

/// <summary>Reads a round from the stores and turns it into the report the renderers lay out.</summary>
public sealed class ProfileService(
    AssessmentStore assessments, ResponseStore responses, QuestionnaireVersionStore versions, QuestionnaireCatalog catalog, TimeProvider clock,
    SelfEval.Web.Office.CohortReader cohort, Microsoft.Extensions.Options.IOptions<SelfEvalOptions> options)
{
    /// <summary>The team's profile of a round, with the trend against the last closed round before it.</summary>
    public ProfileReport ForRound(AssessmentRecord assessment, RoundRecord round)
    {
        var (card, name) = Score(round);
        var earlier = assessments.GetRounds(assessment.Id).Where(r => r.Number < round.Number && r.IsClosed).LastOrDefault();
        var previous = earlier is null ? null : new PreviousRound(earlier.Number, Score(earlier).Card);
        var report = ProfileBuilder.Build(card, catalog.Offers, new ProfileSubject(name, Today(), round.Number), previous);
        return report with { Benchmark = Benchmark(assessment, round, card) };
    }

    /// <summary>
    /// Each section against the middle half of comparable initiatives: the same guide and, where k of
    /// them exist, the same phase, else the same orientation, else all. The initiative itself never counts.
    /// </summary>
    private BenchmarkReport Benchmark(AssessmentRecord assessment, RoundRecord round, ScoreCard card)
    {
        var k = options.Value.AnonymityK;
        var profile = AssessmentAccess.Read(card.Questionnaire, assessments.GetProfile(round.Id));
        var own = SelfEval.Web.Office.Groups.From(profile.ToDictionary(p => p.Key, p => p.Value switch
        {
            Answer.Choice c => c.Value,
            Answer.Number n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => string.Empty,
        }));
        var others = cohort.Read()
            .Where(r => r.Guide == card.Questionnaire.Id && r.AssessmentId != assessment.Id)
            .GroupBy(r => r.AssessmentId)
            .Select(g => g.OrderByDescending(r => r.ClosedAt, StringComparer.Ordinal).First())
            .ToList();
        var candidates = new List<(string Label, List<SelfEval.Web.Office.CohortRound> Rounds)>();
        foreach (var dimension in new[] { "phase", "ausrichtung" })
        {
            if (own.TryGetValue(dimension, out var value))
            {
                candidates.Add(($"Initiativen mit „{card.Questionnaire.Title}“, {SelfEval.Web.Office.Groups.Dimensions.First(d => d.Key == dimension).Label} „{SelfEval.Web.Office.Groups.Label(dimension, value)}“", others.Where(r => r.Groups.GetValueOrDefault(dimension) == value).ToList()));
            }
        }

        candidates.Add(($"alle Initiativen mit „{card.Questionnaire.Title}“", others));
        var (label, group) = candidates.FirstOrDefault(c => c.Rounds.Count >= k);
        if (group is null)
        {
            return new BenchmarkReport(string.Empty, others.Count, [],
                $"Für einen Vergleich gibt es noch zu wenige vergleichbare Initiativen: Er braucht mindestens {k}, die ihre Ergebnisse anonym teilen.");
        }

        var numbers = new Numbering(card.Questionnaire);
        var lines = card.Sections.Select(s =>
        {
            var d = Distribution.Of(group.Select(r => r.Result.Sections.TryGetValue(s.Section.Id, out var v) ? v : (decimal?)null).OfType<decimal>().ToList(), k);
            var score = s.Score.Assessable ? s.Score.Value : null;
            return d is null ? null : new BenchmarkLine($"{numbers.Of(s.Section)} {s.Section.Title}", score, d.P25, d.Median, d.P75, score is { } sc ? d.Position(sc) : null);
        }).OfType<BenchmarkLine>().ToList();
        return new BenchmarkReport(label, group.Count, lines, null);
    }

    /// <summary>One person's own answers only: what they see of themselves, never the others'.</summary>
    public ProfileReport ForRespondent(RespondentContext context)
    {
        var card = Scorer.Score(context.Questionnaire, context.Profile, [new RespondentAnswers("Sie", context.Own)]);
        return ProfileBuilder.Build(card, catalog.Offers, new ProfileSubject(context.InitiativeName, Today(), context.Round.Number, OwnAnswersOnly: true));
    }

    /// <summary>The team's figures only: the profile never sees whose answer is whose, whoever chose to share.</summary>
    private (ScoreCard Card, string Name) Score(RoundRecord round)
    {
        var questionnaire = versions.Get(round.QuestionnaireVersionId);
        var answers = RoundAnswers.Read(assessments, responses, questionnaire, round);
        return (Scorer.Score(questionnaire, answers.Team), ProfileFacts.InitiativeName(answers.Profile));
    }

    private DateOnly Today()
    {
        var now = clock.GetUtcNow();
        try
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        }
        catch (TimeZoneNotFoundException)
        {
            return DateOnly.FromDateTime(now.UtcDateTime);
        }
    }
}
