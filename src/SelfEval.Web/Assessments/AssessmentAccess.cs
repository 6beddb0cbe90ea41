using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Assessments;

/// <summary>Everything a page needs about one person answering one round.</summary>
public sealed record RespondentContext(
    string Token,
    AssessmentRecord Assessment,
    RoundRecord Round,
    RespondentRecord Respondent,
    Questionnaire Questionnaire,
    IReadOnlyDictionary<string, Answer> Profile,
    IReadOnlyDictionary<string, Answer> Own)
{
    public bool IsCoordinator => Respondent.IsCoordinator;

    /// <summary>Answers cannot change once the person finished or the round was closed.</summary>
    public bool ReadOnly => Respondent.IsFinished || Round.IsClosed;

    /// <summary>Profile and own answers together: what conditions and progress are computed from.</summary>
    /// <remarks>Built once: a page asks for it once per question. Profile and Own never change after construction.</remarks>
    public IReadOnlyDictionary<string, Answer> All =>
        _all ??= Profile.Concat(Own.Where(o => !Profile.ContainsKey(o.Key))).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private IReadOnlyDictionary<string, Answer>? _all;

    /// <summary>Team members answer the guide; the profile belongs to the coordinator.</summary>
    public bool Answers(Section section) => IsCoordinator || !section.IsProfile;

    public string InitiativeName => ProfileFacts.InitiativeName(Profile);

    /// <summary>The person's own evidence notes by question, with or without an answer beside them.</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

public sealed record CoordinatorContext(
    string Token,
    AssessmentRecord Assessment,
    IReadOnlyList<RoundRecord> Rounds,
    Questionnaire Questionnaire,
    IReadOnlyDictionary<string, Answer> Profile)
{
    public RoundRecord Round => Rounds[^1];

    public string InitiativeName => ProfileFacts.InitiativeName(Profile);

    public string InviteToken => Tokens.Invite(Token, Assessment.InviteGeneration);
}

/// <summary>Turns a link into the context behind it, or null: unknown, malformed and deleted look the same.</summary>
public sealed class AssessmentAccess(AssessmentStore assessments, ResponseStore responses, QuestionnaireVersionStore versions)
{
    public CoordinatorContext? Coordinator(string token)
    {
        if (assessments.FindByCoordinatorToken(token) is not { } assessment)
        {
            return null;
        }

        var rounds = assessments.GetRounds(assessment.Id);
        var questionnaire = versions.Get(rounds[^1].QuestionnaireVersionId);
        return new CoordinatorContext(token, assessment, rounds, questionnaire, Read(questionnaire, assessments.GetProfile(rounds[^1].Id)));
    }

    /// <summary>A team member's link, or the coordinator link used to answer the current round.</summary>
    public RespondentContext? Respondent(string token)
    {
        RespondentRecord respondent;
        RoundRecord round;
        AssessmentRecord assessment;
        if (assessments.FindByRespondentToken(token) is { } found)
        {
            (respondent, round, assessment) = found;
        }
        else if (assessments.FindByCoordinatorToken(token) is { } owned)
        {
            assessment = owned;
            round = assessments.CurrentRound(owned.Id);
            respondent = assessments.Coordinator(round.Id);
        }
        else
        {
            return null;
        }

        var questionnaire = versions.Get(round.QuestionnaireVersionId);
        var (profile, own) = responses.GetWithProfile(round.Id, respondent.Id);
        return new RespondentContext(token, assessment, round, respondent, questionnaire, Read(questionnaire, profile), Read(questionnaire, own))
        {
            Evidence = own.Where(a => a.Evidence is not null).ToDictionary(a => a.QuestionId, a => a.Evidence!, StringComparer.Ordinal),
        };
    }

    public static IReadOnlyDictionary<string, Answer> Read(Questionnaire questionnaire, IEnumerable<StoredAnswer> stored)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(stored);
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var s in stored)
        {
            if (ToAnswer(s, questionnaire.FindQuestion(s.QuestionId)) is { } answer)
            {
                answers.Add(s.QuestionId, answer);
            }
        }

        return answers;
    }

    /// <summary>
    /// A chosen option is one of a few short JSON strings per question, and every page reads all of a person's answers:
    /// each is parsed once per question and kept (immutable), instead of parsing JSON for every answer on every page.
    /// Numbers, texts and lists are parsed as before.
    /// </summary>
    private static Answer? ToAnswer(StoredAnswer stored, Question? question)
    {
        if (stored.NotRelevant || stored.DontKnow || question is null || stored.ValueJson is not { Length: <= 64 } json)
        {
            return stored.ToAnswer(question);
        }

        var known = Parsed.GetValue(question, _ => new ConcurrentDictionary<string, Answer>(StringComparer.Ordinal));
        if (known.TryGetValue(json, out var answer))
        {
            return answer;
        }

        answer = stored.ToAnswer(question);
        if (answer is Answer.Choice && known.Count < 64)
        {
            known.TryAdd(json, answer);
        }

        return answer;
    }

    private static readonly ConditionalWeakTable<Question, ConcurrentDictionary<string, Answer>> Parsed = new();
}
