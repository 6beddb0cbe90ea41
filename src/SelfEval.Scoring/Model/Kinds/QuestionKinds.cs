namespace SelfEval.Scoring.Model.Kinds;

/// <summary>The one table of question kinds: the only place a question type is mapped to its behaviour.</summary>
public static class QuestionKinds
{
    public static readonly IReadOnlyList<QuestionKind> All =
    [
        new ScaleKind(),
        new YesNoKind(),
        new SingleKind(),
        new MultiKind(),
        new NumberKind(),
        new TextKind(),
        new LongTextKind(),
    ];

    private static readonly Dictionary<QuestionType, QuestionKind> ByType = All.ToDictionary(k => k.Type);

    private static readonly Dictionary<string, QuestionKind> Names = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static QuestionKind For(QuestionType type) => ByType[type];

    public static QuestionKind Kind(this Question question) => ByType[question.Type];

    /// <summary>The kind an author named after <c>type:</c>; null if there is none of that (exact) name.</summary>
    public static QuestionKind? ByName(string name) => Names.GetValueOrDefault(name);

    /// <summary>
    /// The kind that stores answers of this shape (for a condition, which knows the answer but not the question);
    /// null for "nicht relevant" and "weiß nicht", which no kind stores as a value.
    /// </summary>
    public static QuestionKind? Storing(Answer answer) => All.FirstOrDefault(k => k.Takes(answer));
}
