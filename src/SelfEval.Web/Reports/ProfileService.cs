using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Assessments;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Reports;

/// <summary>Reads a round from the stores and turns it into the report the renderers lay out.</summary>
public sealed class ProfileService(
    AssessmentStore assessments, ResponseStore responses, QuestionnaireVersionStore versions, QuestionnaireCatalog catalog, TimeProvider clock)
{
    /// <summary>The team's profile of a round, with the trend against the last closed round before it.</summary>
    public ProfileReport ForRound(AssessmentRecord assessment, RoundRecord round)
    {
        var (card, name) = Score(round);
        var earlier = assessments.GetRounds(assessment.Id).Where(r => r.Number < round.Number && r.IsClosed).LastOrDefault();
        var previous = earlier is null ? null : new PreviousRound(earlier.Number, Score(earlier).Card);
        return ProfileBuilder.Build(card, catalog.Offers, new ProfileSubject(name, Today(), round.Number), previous);
    }

    /// <summary>One person's own answers only: what they see of themselves, never the others'.</summary>
    public ProfileReport ForRespondent(RespondentContext context)
    {
        var card = Scorer.Score(context.Questionnaire, context.Profile, [new RespondentAnswers("Sie", context.Own)]);
        return ProfileBuilder.Build(card, catalog.Offers, new ProfileSubject(context.InitiativeName, Today(), context.Round.Number, OwnAnswersOnly: true));
    }

    private (ScoreCard Card, string Name) Score(RoundRecord round)
    {
        var questionnaire = versions.Get(round.QuestionnaireVersionId);
        var profile = AssessmentAccess.Read(questionnaire, assessments.GetProfile(round.Id));
        var respondents = assessments.GetRespondents(round.Id);
        var labels = RespondentLabels.For(respondents);
        var answers = responses.GetForRound(round.Id);
        var people = respondents
            .Select(r => new RespondentAnswers(labels[r.Id], AssessmentAccess.Read(questionnaire, answers.GetValueOrDefault(r.Id) ?? [])))
            .Where(p => p.Answers.Keys.Any(k => questionnaire.FindQuestion(k)?.Scored == true))
            .ToList();
        var name = profile.TryGetValue("name", out var n) && n is Answer.Text t ? t.Value : "Ihre Initiative";
        return (Scorer.Score(questionnaire, profile, people), name);
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
