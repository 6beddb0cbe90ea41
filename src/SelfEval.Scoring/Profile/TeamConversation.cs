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

/// <summary>The codes of <see cref="ActionStatus"/> as the database and the exchange format write them.</summary>
public static class ActionStatusCodes
{
    public static string Code(this ActionStatus status) => status switch
    {
        ActionStatus.Open => "open",
        ActionStatus.Done => "done",
        ActionStatus.Partly => "partly",
        ActionStatus.NotDone => "not-done",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status a code names; null for anything else.</summary>
    public static ActionStatus? Parse(string? code) => Enum.GetValues<ActionStatus>().Cast<ActionStatus?>().FirstOrDefault(s => s!.Value.Code() == code);
}

/// <summary>
/// One thing the team decided to do about a question: what, who (free text, as the team writes it), by when.
/// <paramref name="RoundNumber"/> is the round it was decided in.
/// </summary>
public sealed record TeamAction(long Id, string QuestionId, string What, string? Who, DateOnly? Due, ActionStatus Status, int RoundNumber)
{
    /// <summary>The round in which the team marked how far the action got; null while nobody looked back on it.</summary>
    public int? MarkedInRound { get; init; }
}
