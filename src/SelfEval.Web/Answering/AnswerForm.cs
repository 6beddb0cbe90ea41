using Microsoft.AspNetCore.Http;
using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;

namespace SelfEval.Web.Answering;

public sealed record FieldResult(Question Question, RawAnswer Raw, AnswerCheck Check);

/// <summary>
/// A posted section form, checked question by question. Valid fields are saved even when others are
/// not, so one typo never costs the rest of the page.
/// </summary>
public sealed record AnswerForm(IReadOnlyList<FieldResult> Fields, IReadOnlyList<string> UnknownQuestions)
{
    public const string NotRelevantValue = "__nr";

    /// <summary>The form value of "weiß nicht"; like "nicht relevant" it never collides with an option id.</summary>
    public const string DontKnowValue = "__dont-know";

    public static string FieldName(Question question) => "q." + question.Id;

    public static string JustificationName(Question question) => "j." + question.Id;

    public bool HasErrors => Errors.Any() || UnknownQuestions.Count > 0;

    public IEnumerable<FieldResult> Errors => Fields.Where(f => !f.Check.IsValid);

    public IReadOnlyList<StoredAnswer> Upserts =>
        Fields.Where(f => f.Check is { IsValid: true, Answer: not null }).Select(f => StoredAnswer.From(f.Question.Id, f.Check.Answer!)).ToList();

    public IReadOnlyList<string> Clears =>
        Fields.Where(f => f.Check is { IsValid: true, Answer: null }).Select(f => f.Question.Id).ToList();

    public static AnswerForm Read(IFormCollection form, IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(form);
        var list = questions.ToList();
        var fields = list.Select(q =>
        {
            var values = form[FieldName(q)].Where(v => v is not null).Select(v => v!).ToList();
            var notRelevant = values.RemoveAll(v => v == NotRelevantValue) > 0;
            var dontKnow = values.RemoveAll(v => v == DontKnowValue) > 0;
            var raw = new RawAnswer(values, notRelevant, form[JustificationName(q)].FirstOrDefault(), dontKnow);
            return new FieldResult(q, raw, AnswerRules.Check(q, raw));
        }).ToList();
        var known = list.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = form.Keys
            .Where(k => k.StartsWith("q.", StringComparison.Ordinal) || k.StartsWith("j.", StringComparison.Ordinal))
            .Select(k => k[2..])
            .Where(id => !known.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new AnswerForm(fields, unknown);
    }
}
