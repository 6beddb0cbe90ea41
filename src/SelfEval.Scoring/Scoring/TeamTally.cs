using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;

namespace SelfEval.Scoring.Scoring;

/// <summary>
/// One question over a whole team: how often each answer was given, never by whom. Numbers and texts
/// are sorted, so their order says nothing about who joined first.
/// </summary>
/// <param name="Counts">Option value to the number of people who chose it (for multiple choice, each chosen option).</param>
/// <param name="NotAsked">People for whom a condition hid the question.</param>
/// <param name="Unanswered">People who were asked and gave no answer.</param>
public sealed record QuestionTally(
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<decimal> Numbers,
    IReadOnlyList<string> Texts,
    int NotRelevant,
    int NotAsked,
    int Unanswered)
{
    /// <summary>People who answered "weiß nicht" where the question offers it (elsewhere that answer counts as unanswered).</summary>
    // An init property, not a positional one: figures read from older exchange files simply have none.
    public int DontKnow { get; init; }

    /// <summary>The evidence notes people gave with this question (with or without an answer), sorted, without names.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Of the scored answers (a level with points), how many came with an evidence note.</summary>
    public int WithEvidence { get; init; }
}

/// <summary>
/// The whole team's answers in figures: everything the team profile is computed from, and nothing that
/// ties an answer to a person. The scorer works from this alone, so a profile needs no one's answers one by one.
/// </summary>
public sealed record TeamTally(int Respondents, IReadOnlyDictionary<string, QuestionTally> Questions)
{
    /// <summary>
    /// The initiative's profile answers (its phase, for instance). They belong to the initiative, not to a
    /// person, so they may travel with the team's figures; the advice reads the phase from here.
    /// </summary>
    public IReadOnlyDictionary<string, Answer> Profile { get; init; } = new Dictionary<string, Answer>(StringComparer.Ordinal);

    /// <summary>The question's figures; a question nobody's figures mention was left unanswered by everyone.</summary>
    public QuestionTally For(string questionId) =>
        Questions.TryGetValue(questionId, out var tally) ? tally : new QuestionTally(new Dictionary<string, int>(), [], [], 0, 0, Respondents);

    /// <summary>Counts every question of the guide outside the profile, which belongs to the initiative, not to a person.</summary>
    /// <param name="evidence">Each person's evidence notes by question, in the order of <paramref name="respondents"/>; none when null.</param>
    public static TeamTally Of(
        Questionnaire questionnaire,
        IReadOnlyDictionary<string, Answer> profile,
        IReadOnlyList<IReadOnlyDictionary<string, Answer>> respondents,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(respondents);
        var noNotes = new Dictionary<string, string>(StringComparer.Ordinal);

        var views = respondents.Select((own, i) =>
        {
            var all = profile.Concat(own.Where(a => !profile.ContainsKey(a.Key))).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            return (Answers: all, Visible: Visibility.Of(questionnaire, all), Notes: evidence is null ? noNotes : evidence[i]);
        }).ToList();

        var questions = new Dictionary<string, QuestionTally>(StringComparer.Ordinal);
        foreach (var section in questionnaire.Sections.Where(s => !s.IsProfile))
        {
            foreach (var question in section.Questions.Where(q => !q.IsProfile))
            {
                var counter = new Counter(question);
                foreach (var (answers, visible, notes) in views)
                {
                    if (!visible.Sections.Contains(section.Id) || !visible.Questions.Contains(question.Id))
                    {
                        counter.NotAsked++;
                        continue;
                    }

                    counter.Add(answers.GetValueOrDefault(question.Id), notes.GetValueOrDefault(question.Id));
                }

                questions[question.Id] = counter.Tally();
            }
        }

        return new TeamTally(respondents.Count, questions) { Profile = profile };
    }

    /// <summary>
    /// The team's figures with the answers it agreed on in its conversation in place of its individual answers
    /// to those questions: each agreed question counts the agreed answer once, as the team's one answer, and
    /// every other question keeps its figures. Agreed answers the question could not take are left out.
    /// </summary>
    public TeamTally WithAgreed(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> agreed)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(agreed);
        var questions = new Dictionary<string, QuestionTally>(Questions, StringComparer.Ordinal);
        foreach (var (id, answer) in agreed)
        {
            if (questionnaire.FindQuestion(id) is { IsProfile: false } question && CanAgree(question, answer))
            {
                var counter = new Counter(question);
                counter.Add(answer);
                questions[id] = counter.Tally();
            }
        }

        return this with { Questions = questions };
    }

    /// <summary>Whether the question could take this as the team's agreed answer: what its form could have produced.</summary>
    public static bool CanAgree(Question question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        return AnswerRules.Fits(question, answer) && (answer is Answer.NotRelevant or Answer.DontKnow || question.Kind().Takes(answer));
    }

    /// <summary>Counts the answers of the people asked one question; the kind says how an answer is tallied.</summary>
    private sealed class Counter(Question question)
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly List<decimal> _numbers = [];
        private readonly List<string> _texts = [];
        private readonly List<string> _notes = [];
        private int _notRelevant, _unanswered, _dontKnow, _withEvidence;

        public int NotAsked { get; set; }

        public void Add(Answer? answer, string? note = null)
        {
            if (note is not null)
            {
                _notes.Add(note);
            }

            switch (answer)
            {
                case Answer.NotRelevant:
                    _notRelevant++;
                    break;
                case Answer.DontKnow when question.AllowsDontKnow:
                    _dontKnow++;
                    break;
                // What the kind takes and the question could have produced (an answer from an older
                // version that no longer fits counts as unanswered); the kind says how it is tallied.
                case { } given when question.Kind().Takes(given) && AnswerRules.Fits(question, given):
                    switch (given)
                    {
                        case Answer.Choice c:
                            _counts[c.Value] = _counts.GetValueOrDefault(c.Value) + 1;
                            if (note is not null && question.Scored && question.FindOption(c.Value) is { Points: not null })
                            {
                                _withEvidence++;
                            }

                            break;
                        case Answer.Choices m:
                            foreach (var value in m.Values.Distinct(StringComparer.Ordinal))
                            {
                                _counts[value] = _counts.GetValueOrDefault(value) + 1;
                            }

                            break;
                        case Answer.Number n:
                            _numbers.Add(n.Value);
                            break;
                        case Answer.Text t:
                            _texts.Add(t.Value);
                            break;
                        default:
                            _unanswered++;
                            break;
                    }

                    break;
                default:
                    _unanswered++;
                    break;
            }
        }

        public QuestionTally Tally()
        {
            // Options in the guide's order, so two tallies of the same answers are equal.
            var ordered = question.Options.Where(o => _counts.ContainsKey(o.Value)).ToDictionary(o => o.Value, o => _counts[o.Value], StringComparer.Ordinal);
            return new QuestionTally(ordered, _numbers.Order().ToList(), _texts.Order(StringComparer.Ordinal).ToList(), _notRelevant, NotAsked, _unanswered)
            {
                DontKnow = _dontKnow,
                Evidence = _notes.Order(StringComparer.Ordinal).ToList(),
                WithEvidence = _withEvidence,
            };
        }
    }
}
