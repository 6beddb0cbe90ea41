namespace SelfEval.Scoring.Model.Kinds;

/// <summary>Ja / teilweise / nein, scored like a three-step scale.</summary>
public sealed class YesNoKind : ChoiceKind
{
    public override QuestionType Type => QuestionType.YesNo;

    public override string Name => "yesno";

    public override bool Scored => true;

    public override int DecisionSeconds => 5;
}
