using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Profile;

/// <summary>
/// What a team settled in its conversation after answering (the Teamgespräch): per discussed question the
/// answer it agreed on, and the actions it took on. Given to the profile by the caller; the library keeps none.
/// </summary>
public sealed record TeamConversation(IReadOnlyList<AgreedAnswer> Agreed, IReadOnlyList<TeamAction> Actions)
{
    public static TeamConversation None { get; } = new([], []);

    public bool IsEmpty => Agreed.Count == 0 && Actions.Count == 0;
}

/// <summary>The answer the team agreed on for one question, in the question's own terms, and a short note of why.</summary>
public sealed record AgreedAnswer(string QuestionId, Answer Answer, string? Note);

/// <summary>How far an action was carried out, as the team marks it in the next round (Open until then).</summary>
public enum ActionStatus { Open, Done, Partly, NotDone }

/// <summary>
/// One thing the team decided to do about a question: what, who (free text, as the team writes it), by when.
/// <paramref name="RoundNumber"/> is the round it was decided in.
/// </summary>
public sealed record TeamAction(long Id, string QuestionId, string What, string? Who, DateOnly? Due, ActionStatus Status, int RoundNumber);
