using System.Text.Json;
using System.Text.Json.Nodes;
using SelfEval.Scoring.Answering;

namespace SelfEval.Scoring.Model.Kinds;

/// <summary>How the team figures of a question are kept: counts per option, a list of numbers, or of texts.</summary>
public enum TallyShape { Counts, Numbers, Texts }

/// <summary>
/// Everything one question type means, in one place: how a form answer is checked, how it is stored,
/// exported, read back and compared in conditions. "Nicht relevant" and "weiß nicht" are the same for
/// every kind and stay with <see cref="AnswerRules"/>; a kind only sees a real answer.
/// Adding a kind means one subclass here, one entry in <see cref="QuestionKinds"/>, one Razor partial
/// (Pages/Shared/QuestionKinds/_{Name}.cshtml) and its tests.
/// </summary>
public abstract class QuestionKind
{
    public abstract QuestionType Type { get; }

    /// <summary>The spelling authors write after <c>type:</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the person picks among the question's options (and sees "nicht relevant" beside them).</summary>
    public abstract bool IsChoice { get; }

    /// <summary>Whether the answer counts towards the scores (outside the profile).</summary>
    public virtual bool Scored => false;

    public abstract TallyShape Tally { get; }

    /// <summary>Whether one person may give several of the tallied values (ticks in multiple choice).</summary>
    public virtual bool SeveralPerPerson => false;

    /// <summary>Seconds to decide and enter an answer once the question is read (see <see cref="TimeEstimate"/>).</summary>
    public abstract int DecisionSeconds { get; }

    /// <summary>The longest text the form takes, for text kinds.</summary>
    public virtual int? MaxLength => null;

    /// <summary>A line under the question telling how to answer, or empty.</summary>
    public virtual string TypeHint => string.Empty;

    /// <summary>Checks the non-empty, trimmed values of one form field.</summary>
    public abstract AnswerCheck Check(Question question, IReadOnlyList<string> values);

    /// <summary>The values the form shows for a saved answer (and would post again); null if the answer has another shape.</summary>
    public abstract IReadOnlyList<string>? FormValues(Answer answer);

    /// <summary>The values the page's script compares in conditions.</summary>
    public virtual IReadOnlyList<string> ScriptValues(Answer answer) => FormValues(answer) ?? [];

    /// <summary>The stored <c>value_json</c>; the same bytes release 1.0.0 wrote.</summary>
    public abstract string ToJson(Answer answer);

    /// <summary>A stored value read back, or null when it has another shape (the question changed type).</summary>
    public abstract Answer? FromJson(JsonElement value);

    /// <summary>A value of an exchange file's answers (or null with a German message).</summary>
    public abstract (Answer? Answer, string? Problem) FromExchange(Question question, JsonElement value);

    /// <summary>The answer in the round's JSON export.</summary>
    public abstract JsonNode ExportValue(Answer answer);

    /// <summary>The answer in the round's CSV: a decimal stays a number, anything else is text.</summary>
    public abstract object ExportCell(Answer answer);

    /// <summary>An answer in the guide's own words (option labels, a number in German notation, the text), for the profile's facts.</summary>
    public abstract IReadOnlyList<string> Shown(Question question, Answer answer);

    /// <summary>Whether a clause about this question holds for the answer.</summary>
    public abstract bool Matches(Clause clause, Answer answer);

    /// <summary>The answer's points for scoring; null when it has none (unscored kinds, an option not offered).</summary>
    public virtual decimal? Points(Question question, Answer answer) => null;

    /// <summary>
    /// The answers worth trying when estimating the time range: one per value conditions name (and
    /// one that names none, or none at all), so every branch of the guide is walked once.
    /// </summary>
    public virtual IReadOnlyList<Answer?> Scenarios(Question question, IReadOnlyList<string> named) => [null];

    /// <summary>The answer with option values a newer version renamed (<c>renamed:</c>) replaced; unchanged for kinds without options.</summary>
    public virtual Answer Renamed(Answer answer, Func<string, string> current) => answer;

    /// <summary>Whether this kind takes answers of this shape.</summary>
    public abstract bool Takes(Answer answer);

    protected static AnswerCheck Fail(string message) => new(null, message);

    protected static AnswerCheck Ok(Answer answer) => new(answer, null);
}

/// <summary>The typed half of a kind: it only ever stores answers of one shape.</summary>
public abstract class QuestionKind<TAnswer> : QuestionKind
    where TAnswer : Answer
{
    public sealed override bool Takes(Answer answer) => answer is TAnswer;

    public sealed override IReadOnlyList<string>? FormValues(Answer answer) => answer is TAnswer a ? Form(a) : null;

    public sealed override string ToJson(Answer answer) => Json(Typed(answer));

    public sealed override JsonNode ExportValue(Answer answer) => Export(Typed(answer));

    public sealed override object ExportCell(Answer answer) => Cell(Typed(answer));

    public sealed override IReadOnlyList<string> Shown(Question question, Answer answer) => Show(question, Typed(answer));

    public sealed override bool Matches(Clause clause, Answer answer) => answer is TAnswer a && Match(clause, a);

    public sealed override decimal? Points(Question question, Answer answer) => answer is TAnswer a ? Score(question, a) : null;

    protected abstract IReadOnlyList<string> Form(TAnswer answer);

    protected abstract string Json(TAnswer answer);

    protected abstract JsonNode Export(TAnswer answer);

    protected abstract object Cell(TAnswer answer);

    protected abstract IReadOnlyList<string> Show(Question question, TAnswer answer);

    protected abstract bool Match(Clause clause, TAnswer answer);

    protected virtual decimal? Score(Question question, TAnswer answer) => null;

    private TAnswer Typed(Answer answer) => answer as TAnswer
        ?? throw new ArgumentException($"A {Name} question stores {typeof(TAnswer).Name} answers, not {answer.GetType().Name}.", nameof(answer));
}
