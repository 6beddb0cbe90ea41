using Microsoft.AspNetCore.Http;
using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;

namespace SelfEval.Web.Answering;

public sealed record FieldResult(Question Question, RawAnswer Raw, AnswerCheck Check)
{
    /// <summary>The evidence typed with the answer, normalised (<see cref="Answering.Evidence.Normalise"/>), or null.</summary>
    public string? Evidence { get; init; }

    public string? EvidenceError { get; init; }

    /// <summary>A question is saved as a whole or not at all: its answer and its evidence both fit.</summary>
    public bool IsValid => Check.IsValid && EvidenceError is null;

    public string? Error => Check.Error ?? EvidenceError;
}

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

    public static string EvidenceName(Question question) => "e." + question.Id;

    public bool HasErrors => Errors.Any() || UnknownQuestions.Count > 0;

    public IEnumerable<FieldResult> Errors => Fields.Where(f => !f.IsValid);

    /// <summary>Answers to write, each with its evidence; evidence typed without an answer is kept too, as a row without one.</summary>
    public IReadOnlyList<StoredAnswer> Upserts =>
        Fields.Where(f => f.IsValid && (f.Check.Answer is not null || f.Evidence is not null))
            .Select(f => (f.Check.Answer is { } answer ? StoredAnswer.From(f.Question.Id, answer) : new StoredAnswer(f.Question.Id, null, false, null)) with { Evidence = f.Evidence })
            .ToList();

    public IReadOnlyList<string> Clears =>
        Fields.Where(f => f is { IsValid: true, Check.Answer: null, Evidence: null }).Select(f => f.Question.Id).ToList();

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
            var evidence = Answering.Evidence.Offered(q) ? Answering.Evidence.Normalise(form[EvidenceName(q)].FirstOrDefault()) : null;
            return new FieldResult(q, raw, AnswerRules.Check(q, raw)) { Evidence = evidence, EvidenceError = Answering.Evidence.Check(evidence) };
        }).ToList();
        var known = list.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = form.Keys
            .Where(k => k.StartsWith("q.", StringComparison.Ordinal) || k.StartsWith("j.", StringComparison.Ordinal) || k.StartsWith("e.", StringComparison.Ordinal))
            .Select(k => k[2..])
            .Where(id => !known.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new AnswerForm(fields, unknown);
    }
}
