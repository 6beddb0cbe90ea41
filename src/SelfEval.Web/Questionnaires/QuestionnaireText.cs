using System.Runtime.CompilerServices;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;

namespace SelfEval.Web.Questionnaires;

/// <summary>Numbers and plain-German descriptions for showing a questionnaire to people.</summary>
public sealed class QuestionnaireText
{
    private readonly Questionnaire _questionnaire;
    private readonly Numbering _numbers;

    public QuestionnaireText(Questionnaire questionnaire)
    {
        _questionnaire = questionnaire;
        _numbers = new Numbering(questionnaire);
    }

    // A loaded guide version never changes: its numbers are worked out once, not on every page.
    private static readonly ConditionalWeakTable<Questionnaire, QuestionnaireText> Known = new();

    /// <summary>The texts of a guide version, made once per loaded version.</summary>
    public static QuestionnaireText For(Questionnaire questionnaire) => Known.GetValue(questionnaire, q => new QuestionnaireText(q));

    public string NumberOf(Section section) => _numbers.Of(section);

    public string NumberOf(Question question) => _numbers.Of(question);

    /// <summary>"Nur beantworten, wenn bei Frage P.2 „in Gründung“ oder „im Aufbau“ gewählt ist."</summary>
    public string Describe(Condition condition)
    {
        var groups = condition.AnyOf.Select(g => string.Join(" und ", g.Select(Describe)));
        return $"Nur beantworten, wenn {string.Join(" oder wenn ", groups)}.";
    }

    private string Describe(Clause clause)
    {
        var question = _questionnaire.FindQuestion(clause.QuestionId);
        if (question is null)
        {
            return clause.QuestionId;
        }

        var label = (string v) => question.FindOption(v)?.Label is { } l ? $"„{l}“" : v;
        var subject = $"Frage {NumberOf(question)}";
        var values = string.Join(" oder ", clause.Values.Select(label));
        return clause.Operator switch
        {
            ConditionOperator.Equal or ConditionOperator.In when question.Kind().SeveralPerPerson => $"bei {subject} {values} angekreuzt ist",
            ConditionOperator.Equal or ConditionOperator.In => $"bei {subject} {values} gewählt ist",
            ConditionOperator.NotEqual when question.Kind().SeveralPerPerson => $"bei {subject} {values} nicht angekreuzt ist",
            ConditionOperator.NotEqual => $"bei {subject} etwas anderes als {values} gewählt ist",
            ConditionOperator.Less => $"die Antwort auf {subject} kleiner als {values} ist",
            ConditionOperator.LessOrEqual => $"die Antwort auf {subject} höchstens {values} ist",
            ConditionOperator.Greater => $"die Antwort auf {subject} größer als {values} ist",
            ConditionOperator.GreaterOrEqual => $"die Antwort auf {subject} mindestens {values} ist",
            _ => throw new ArgumentOutOfRangeException(nameof(clause)),
        };
    }

    public static string TypeHint(Question question) => question.Kind().TypeHint;
}
