namespace SelfEval.Scoring.Model;

/// <summary>Which sections and questions a set of answers shows.</summary>
public sealed record Visibility(IReadOnlySet<string> Sections, IReadOnlySet<string> Questions)
{
    /// <summary>
    /// Walks the questionnaire in order. The answer to a hidden question is kept by the caller
    /// but ignored here, so a chain of follow-ups collapses when its first link is hidden.
    /// Conditions only refer to earlier questions, so one pass is enough.
    /// </summary>
    public static Visibility Of(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        var sections = new HashSet<string>();
        var questions = new HashSet<string>();
        Answer? Effective(string id) => questions.Contains(id) && answers.TryGetValue(id, out var a) ? a : null;

        foreach (var section in questionnaire.Sections)
        {
            if (section.Condition is { } sc && !sc.IsMet(Effective))
            {
                continue;
            }

            sections.Add(section.Id);
            foreach (var question in section.Questions)
            {
                if (question.Condition is null || question.Condition.IsMet(Effective))
                {
                    questions.Add(question.Id);
                }
            }
        }

        return new Visibility(sections, questions);
    }
}
