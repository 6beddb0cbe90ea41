using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Answering;

public sealed record SectionProgress(Section Section, bool Visible, int Questions, int Answered, IReadOnlyList<Question> OpenRequired)
{
    public bool Complete => Visible && OpenRequired.Count == 0;
}

/// <summary>How far one person is: per section and overall, counting only what their answers show.</summary>
public sealed record Progress(IReadOnlyList<SectionProgress> Sections, Visibility Visibility)
{
    public int Questions => Sections.Sum(s => s.Questions);

    public int Answered => Sections.Sum(s => s.Answered);

    public IEnumerable<Question> OpenRequired => Sections.SelectMany(s => s.OpenRequired);

    public int SectionsVisible => Sections.Count(s => s.Visible);

    public int SectionsComplete => Sections.Count(s => s.Complete);

    public bool CanFinish => !OpenRequired.Any();

    /// <summary>How many of the answered questions were answered with "weiß nicht".</summary>
    public int DontKnow { get; init; }

    /// <param name="answers">The person's answers together with the initiative's profile answers.</param>
    /// <param name="include">Which sections this person works on (team members skip the profile).</param>
    public static Progress Of(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> answers, Func<Section, bool> include)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        var visibility = Visibility.Of(questionnaire, answers);

        // An answer the question no longer offers (carried over from an older version) is as good as none:
        // the form shows nothing checked, so it must not count either. Checked once per shown question: the
        // check parses the answer again, and every page of the guide computes this progress.
        var sections = new List<SectionProgress>();
        var dontKnow = 0;
        foreach (var section in questionnaire.Sections)
        {
            if (!include(section))
            {
                continue;
            }

            var shown = new List<Question>();
            var answered = 0;
            var open = new List<Question>();
            if (visibility.Sections.Contains(section.Id))
            {
                foreach (var question in section.Questions)
                {
                    if (!visibility.Questions.Contains(question.Id))
                    {
                        continue;
                    }

                    shown.Add(question);
                    if (answers.TryGetValue(question.Id, out var answer) && AnswerRules.Fits(question, answer))
                    {
                        answered++;
                        dontKnow += answer is Answer.DontKnow ? 1 : 0;
                    }
                    else if (question.Required)
                    {
                        open.Add(question);
                    }
                }
            }

            sections.Add(new SectionProgress(section, shown.Count > 0, shown.Count, answered, open));
        }

        return new Progress(sections, visibility) { DontKnow = dontKnow };
    }
}
