using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;

namespace SelfEval.Web.Answering;

/// <summary>How far a section is and what was answered, in words: one wording for the section page and the overview.</summary>
public static class ReviewTexts
{
    /// <summary>
    /// "vollständig" only when every shown question has an answer; a section whose open questions are all optional
    /// says so with its count, so the sections add up to the overall "63 von 64".
    /// </summary>
    public static string State(SectionProgress section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Answered == section.Questions && section.Questions > 0 ? "vollständig"
            : section.Complete && section.Answered == 0 ? "freiwillig, nicht beantwortet"
            : section.Complete ? $"{section.Answered} von {section.Questions} beantwortet, offen sind nur freiwillige Fragen"
            : section.Answered > 0 ? $"{section.Answered} von {section.Questions} beantwortet"
            : "offen";
    }

    /// <summary>The overall line: the same numbers as the sections, and why finishing is possible with questions open.</summary>
    public static string Overall(Progress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var line = $"{progress.Answered} von {progress.Questions} Fragen beantwortet";
        if (progress.DontKnow > 0)
        {
            line += $", davon {progress.DontKnow} mit „weiß nicht“";
        }

        var open = progress.Questions - progress.Answered;
        if (progress.CanFinish && open > 0)
        {
            line += open == 1 ? "; offen ist nur 1 freiwillige Frage" : $"; offen sind nur {open} freiwillige Fragen";
        }

        return line;
    }

    public const string Unanswered = "nicht beantwortet";

    /// <summary>A stored answer as the person chose it: the option's words, the number, the text.</summary>
    public static string Words(Question question, Answer? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        return answer switch
        {
            null => Unanswered,
            Answer.NotRelevant { Justification: { Length: > 0 } why } => $"nicht relevant für unsere Ziele – {why}",
            Answer.NotRelevant => "nicht relevant für unsere Ziele",
            Answer.DontKnow => "weiß nicht",
            _ when question.Kind().Takes(answer) && AnswerRules.Fits(question, answer) => string.Join(", ", question.Kind().Shown(question, answer)),
            _ => Unanswered,
        };
    }
}
