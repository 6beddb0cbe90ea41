using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Codebook;

// The codebook is what analysts read exported answers with. Its shape is a published contract:
// field names and order change only with a documented new format.

public sealed record CodebookOption(string Value, string Label);

/// <summary>The one main offer a gap here leads to, and the optional ones.</summary>
public sealed record CodebookOffers(string? Main, IReadOnlyList<string> Optional);

// The fields after 'Condition' came with the format's second edition; every earlier one stays where it was.
/// <param name="Measures">"practice" or "result" for scored questions; null otherwise (and in older versions).</param>
/// <param name="Min">A number question's lowest allowed value; for questions with levels, the lowest level's points (a score of 0).</param>
/// <param name="Max">A number question's highest allowed value; for questions with levels, the highest level's points (a score of 100).</param>
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
    string? Condition,
    string? Measures,
    bool AllowsDontKnow,
    bool Reverse,
    decimal? Min,
    decimal? Max,
    CodebookOffers Offers);

public sealed record CodebookSection(string Id, string Title, IReadOnlyList<CodebookQuestion> Questions, decimal Weight);

/// <summary>A group of a comparison: the options it gathers, or the whole-number range (null = open) it spans.</summary>
public sealed record CodebookComparisonGroup(string Value, string Label, IReadOnlyList<string> Options, decimal? From, decimal? To);

/// <summary>A profile question the office compares by, so an analyst can form the same groups from exported answers.</summary>
public sealed record CodebookComparison(string Key, string Label, string Question, IReadOnlyList<CodebookComparisonGroup> Groups);

// 'Comparison' came after the first edition of the format: it is added last, every earlier field stays as it was.
public sealed record QuestionnaireCodebook(string Id, string Version, string Hash, string Title, IReadOnlyList<CodebookSection> Sections, IReadOnlyList<CodebookComparison> Comparison)
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
                    CombinedCondition(s, q),
                    q.Measures?.Name(),
                    q.AllowsDontKnow,
                    q.Reverse,
                    Range(q).Min,
                    Range(q).Max,
                    new CodebookOffers(q.MainOfferId, q.OfferIds.ToArray()))).ToArray(),
                s.Weight)).ToArray(),
            questionnaire.Comparison.Dimensions.Select(d => new CodebookComparison(
                d.Key,
                d.Label,
                d.QuestionId,
                d.Groups.Select(g => new CodebookComparisonGroup(g.Value, g.Label, g.Options, g.From, g.To)).ToArray())).ToArray());
    }

    // A number question's allowed range, or the points a score is normalised over: min scores 0, max 100.
    private static (decimal? Min, decimal? Max) Range(Question question)
    {
        if (question.Type == QuestionType.Number)
        {
            return (question.Min, question.Max);
        }

        var points = question.Options.Select(o => o.Points).OfType<decimal>().ToList();
        return points.Count == 0 ? (null, null) : (points.Min(), points.Max());
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
