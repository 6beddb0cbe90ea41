using SelfEval.Scoring.Answering;

namespace SelfEval.Scoring.Model.Kinds;

/// <summary>Several paragraphs, up to <see cref="AnswerRules.LongTextLimit"/> characters.</summary>
public sealed class LongTextKind : TextKind
{
    public override QuestionType Type => QuestionType.LongText;

    public override string Name => "longtext";

    public override int DecisionSeconds => 90;

    public override int? MaxLength => AnswerRules.LongTextLimit;
}
