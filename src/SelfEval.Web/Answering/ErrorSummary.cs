namespace SelfEval.Web.Answering;

/// <summary>The summary at the top of a form: each field's problem linked to the field, then the rest.</summary>
public sealed record ErrorSummary(IEnumerable<QuestionField> Fields, IEnumerable<string> Other)
{
    public bool Any => Fields.Any(f => f.Error is not null || f.EvidenceError is not null) || Other.Any();
}
