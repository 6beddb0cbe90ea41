using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Codebook;

// The codebook is what analysts read exported answers with. Its shape is a published contract:
// field names and order change only with a documented new format.

public sealed record CodebookOption(string Value, string Label);

public sealed record CodebookQuestion(
    string Id,
    string Text,
    string Type,
    bool Required,
    bool Scored,
    bool AllowsNotRelevant,
    string? Aspect,
    string? Dimension,
    decimal Weight,
    IReadOnlyList<CodebookOption> Options,
    string? Condition);

public sealed record CodebookSection(string Id, string Title, IReadOnlyList<CodebookQuestion> Questions);

public sealed record QuestionnaireCodebook(string Id, string Version, string Hash, string Title, IReadOnlyList<CodebookSection> Sections)
{
    public static QuestionnaireCodebook From(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        return new QuestionnaireCodebook(
            questionnaire.Id,
            questionnaire.Version,
            questionnaire.Hash,
            questionnaire.Title,
            questionnaire.Sections.Select(s => new CodebookSection(
                s.Id,
                s.Title,
                s.Questions.Select(q => new CodebookQuestion(
                    q.Id,
                    q.Text,
                    q.Type.Name(),
                    q.Required,
                    q.Scored,
                    q.AllowsNotRelevant,
                    q.Aspect?.Name(),
                    q.Dimension?.Name(),
                    q.Weight,
                    q.Options.Select(o => new CodebookOption(o.Value, o.Label)).ToArray(),
                    CombinedCondition(s, q))).ToArray())).ToArray());
    }

    // An analyst needs to know when a question was shown, whether the section or the question hides it.
    private static string? CombinedCondition(Section section, Question question) =>
        (section.Condition, question.Condition) switch
        {
            (null, null) => null,
            ({ } s, null) => s.Text,
            (null, { } q) => q.Text,
            ({ } s, { } q) => $"({s.Text}) und ({q.Text})",
        };
}
