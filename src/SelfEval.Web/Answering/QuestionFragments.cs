using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using SelfEval.Scoring.Model;

namespace SelfEval.Web.Answering;

/// <summary>
/// The HTML of a question on a section page, kept by what it shows. A question's HTML is a function of its
/// <see cref="QuestionField"/> alone (no link, no form token, no address in it), and most fields on most pages are
/// alike for everybody: an unanswered question, or one of its few options chosen. Rendering one through its partial
/// views took about a sixth of a section page's CPU; a field seen before is now written from here, whoever saw it. The
/// question object belongs to one loaded guide version, so a new version never meets an old fragment.
/// </summary>
public sealed partial class QuestionFragments(HtmlEncoder encoder) : IDisposable
{
    /// <summary>About 2–4 KB each: a bound for the memory (under 20 MB), not a quota.</summary>
    public const int Fragments = 4096;

    private readonly MemoryCache _fragments = new(new MemoryCacheOptions { SizeLimit = Fragments });

    /// <summary>The field's HTML: remembered when the field is one that can be (see <see cref="Key"/>), else rendered.</summary>
    public async Task<IHtmlContent> RenderAsync(QuestionField field, Func<QuestionField, Task<IHtmlContent>> render)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(render);
        if (Key(field) is not { } key)
        {
            return await render(field);
        }

        if (_fragments.TryGetValue(key, out HtmlString? known) && known is not null)
        {
            return known;
        }

        var html = Compact(await render(field));
        _fragments.Set(key, html, new MemoryCacheEntryOptions { Size = 1 });
        return html;
    }

    /// <summary>
    /// A question's HTML without the partials' indentation, as remembered questions are kept: 1.1 of a section page's
    /// 19.6 KB, which every page spends encoding, sending and reading again. Only whitespace between two tags goes, which a
    /// browser shows as one space or not at all. The office's preview writes its questions through here too, so they
    /// are the same markup as on the answering page.
    /// </summary>
    public HtmlString Compact(IHtmlContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var writer = new StringWriter();
        content.WriteTo(writer, encoder);
        return new HtmlString(BetweenTags().Replace(writer.ToString(), ">\n<"));
    }

    /// <summary>
    /// Everything a field's HTML depends on, or null for a field that is rendered every time: what was just typed or
    /// refused (a form sent back with its errors), the paper form, and answers whose text is the person's own (numbers,
    /// texts: two numbers can be equal and still be written differently, and free text would fill the memory with
    /// fragments nobody sees twice).
    /// </summary>
    public static object? Key(QuestionField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Raw is not null || field.Error is not null || field.EvidenceError is not null || field.Paper)
        {
            return null;
        }

        return field.Saved is null or Answer.Choice or Answer.Choices or Answer.DontKnow or Answer.NotRelevant
            ? new FieldKey(field.Question, field.Number, field.Saved, field.Hidden, field.ReadOnly, field.Evidence, field.LastTime)
            : null;
    }

    public void Dispose() => _fragments.Dispose();

    [System.Text.RegularExpressions.GeneratedRegex(@">\s+<")]
    private static partial System.Text.RegularExpressions.Regex BetweenTags();

    /// <summary>
    /// The question by reference (the object of one loaded version: hashing the record's texts on every lookup would
    /// cost more than it saves); the answer by value, where Answer.Choices compares its list by reference, so two equal
    /// lists only miss each other and never show the wrong fragment.
    /// </summary>
    private sealed class FieldKey(Question question, string number, Answer? saved, bool hidden, bool readOnly, string? evidence, string? lastTime)
        : IEquatable<FieldKey>
    {
        private readonly Question _question = question;
        private readonly string _number = number;
        private readonly Answer? _saved = saved;
        private readonly bool _hidden = hidden;
        private readonly bool _readOnly = readOnly;
        private readonly string? _evidence = evidence;
        private readonly string? _lastTime = lastTime;

        public bool Equals(FieldKey? other) => other is not null
            && ReferenceEquals(_question, other._question) && _number == other._number && Equals(_saved, other._saved)
            && _hidden == other._hidden && _readOnly == other._readOnly && _evidence == other._evidence && _lastTime == other._lastTime;

        public override bool Equals(object? obj) => Equals(obj as FieldKey);

        public override int GetHashCode() => HashCode.Combine(
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_question), _number, _saved, _hidden, _readOnly, _evidence, _lastTime);
    }
}
