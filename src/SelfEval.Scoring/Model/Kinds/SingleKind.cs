namespace SelfEval.Scoring.Model.Kinds;

/// <summary>One of the author's options; not scored.</summary>
public sealed class SingleKind : ChoiceKind
{
    public override QuestionType Type => QuestionType.Single;

    public override string Name => "single";

    public override int DecisionSeconds => 6;
}
