using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Answering;

/// <summary>Where a person is in the guide: the sections they work on, which are shown, where to go next.</summary>
public sealed class AnswerSession
{
    public AnswerSession(RespondentContext context)
    {
        Context = context;
        Progress = Progress.Of(context.Questionnaire, context.All, context.Answers);
        Text = Questionnaires.QuestionnaireText.For(context.Questionnaire);
    }

    public RespondentContext Context { get; }

    public Progress Progress { get; }

    public Questionnaires.QuestionnaireText Text { get; }

    /// <summary>The sections this person sees now, in order.</summary>
    public IReadOnlyList<SectionProgress> Sections => Progress.Sections.Where(s => s.Visible).ToList();

    public SectionProgress? Find(string sectionId) => Progress.Sections.FirstOrDefault(s => s.Section.Id == sectionId);

    public Section? Next(Section current) => Neighbour(current, +1);

    public Section? Previous(Section current) => Neighbour(current, -1);

    private Section? Neighbour(Section current, int step)
    {
        var all = Progress.Sections.Select(s => s.Section).ToList();
        for (var i = all.IndexOf(current) + step; i >= 0 && i < all.Count; i += step)
        {
            if (Progress.Sections[i].Visible)
            {
                return all[i];
            }
        }

        return null;
    }

    /// <summary>Where opening the link again continues: the last section worked on, else the first open one.</summary>
    public Section? Resume()
    {
        if (Context.Respondent.LastSection is { } last && Find(last) is { Visible: true } section && !section.Complete)
        {
            return section.Section;
        }

        return Sections.FirstOrDefault(s => !s.Complete)?.Section;
    }

    public bool IsVisible(Question question) => Progress.Visibility.Questions.Contains(question.Id);
}
