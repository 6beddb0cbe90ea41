using System.Globalization;

namespace SelfEval.Scoring.Model;

/// <summary>
/// The numbers people see: the shared profile is "P", the guide's own sections 1, 2, 3 …, questions
/// "2.3". Derived from the order, never stored: ids stay the stable reference.
/// </summary>
public sealed class Numbering
{
    private readonly Dictionary<string, string> _sections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _questions = new(StringComparer.Ordinal);

    public Numbering(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var n = 0;
        foreach (var section in questionnaire.Sections)
        {
            var number = section.IsProfile ? "P" : (++n).ToString(CultureInfo.InvariantCulture);
            _sections[section.Id] = number;
            for (var i = 0; i < section.Questions.Count; i++)
            {
                _questions[section.Questions[i].Id] = $"{number}.{i + 1}";
            }
        }
    }

    public string Of(Section section) => _sections[section.Id];

    public string Of(Question question) => _questions[question.Id];
}
