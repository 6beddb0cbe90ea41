namespace SelfEval.Web.Assessments;

/// <summary>
/// What a team member lets the coordination see of their own answers. Everyone counts in the team
/// profile's figures either way; this decides only whether their answers appear one by one.
/// </summary>
public enum AnswerSharing
{
    /// <summary>Only in the figures of the whole team: the default, and what the first edition promised.</summary>
    None,

    /// <summary>One by one under a letter ("Person B") that says nothing about who or when.</summary>
    Pseudonym,

    /// <summary>One by one under the name the person appears with in the team.</summary>
    Name,
}

public static class AnswerSharingValues
{
    /// <summary>The stored and posted spelling (respondents.sharing, the forms' radio values).</summary>
    public static string Value(this AnswerSharing sharing) => sharing switch
    {
        AnswerSharing.Pseudonym => "pseudonym",
        AnswerSharing.Name => "name",
        AnswerSharing.None => "none",
        _ => "none", // a value no member names (a cast) shares nothing
    };

    /// <summary>Anything unknown reads as not sharing: a wrong value must never make answers visible.</summary>
    public static AnswerSharing Parse(string? value) => value switch
    {
        "pseudonym" => AnswerSharing.Pseudonym,
        "name" => AnswerSharing.Name,
        _ => AnswerSharing.None,
    };

    public static readonly IReadOnlyList<AnswerSharing> All = [AnswerSharing.None, AnswerSharing.Pseudonym, AnswerSharing.Name];
}
