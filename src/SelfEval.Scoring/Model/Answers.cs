namespace SelfEval.Scoring.Model;

/// <summary>One respondent's answer to one question, as the conditions and the scorer see it.</summary>
public abstract record Answer
{
    /// <summary>"Nicht relevant für unsere Ziele", with an optional justification.</summary>
    public sealed record NotRelevant(string? Justification) : Answer;

    /// <summary>"Weiß nicht": the person does not know. Not scored; the item stays relevant, so it lowers coverage like a blank (unlike "nicht relevant"), and it counts as answered for progress.</summary>
    public sealed record DontKnow : Answer;

    /// <summary>The chosen option's value for scale, yesno and single questions.</summary>
    public sealed record Choice(string Value) : Answer;

    public sealed record Choices(IReadOnlyList<string> Values) : Answer;

    public sealed record Number(decimal Value) : Answer;

    public sealed record Text(string Value) : Answer;
}
