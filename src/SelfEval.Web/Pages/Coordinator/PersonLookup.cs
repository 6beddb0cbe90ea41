using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>A member of the current round as the coordinator's person pages see them: the entry, the label of the list, the other members.</summary>
public sealed record PersonLookup(CoordinatorContext Context, RespondentRecord Person, string Label, IReadOnlyList<(RespondentRecord Respondent, string Label)> Others)
{
    /// <summary>Only members of this coordinator's current round, not the coordinator and nobody already removed: anything else is not found.</summary>
    public static PersonLookup? Find(AssessmentAccess access, AssessmentStore assessments, string token, long id)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return null;
        }

        var respondents = assessments.GetRespondents(context.Round.Id);
        var labels = RespondentLabels.For(respondents);
        var members = respondents.Where(r => !r.IsCoordinator && !r.IsRemoved).ToList();
        return members.FirstOrDefault(r => r.Id == id) is { } person
            ? new PersonLookup(context, person, labels[person.Id], members.Where(r => r.Id != id).Select(r => (r, labels[r.Id])).ToList())
            : null;
    }

    /// <summary>Two entries with the same name told apart: when each joined and where it stands.</summary>
    public static string Describe(RespondentRecord r, string label) =>
        $"{label} – seit {SelfEval.Web.Data.Time.LongDate(r.CreatedAt)}, {(r.IsFinished ? "abgeschlossen" : "nicht abgeschlossen")}";
}
