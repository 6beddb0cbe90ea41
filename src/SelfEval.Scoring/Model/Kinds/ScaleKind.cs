namespace SelfEval.Scoring.Model.Kinds;

/// <summary>A level of a shared scale or of the question's own levels; scored.</summary>
public sealed class ScaleKind : ChoiceKind
{
    public override QuestionType Type => QuestionType.Scale;

    public override string Name => "scale";

    public override bool Scored => true;

    public override int DecisionSeconds => 10;
}
