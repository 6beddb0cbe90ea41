using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Conversation;

/// <summary>The last closed round before the coordinator's current one, with its conversation and guide version.</summary>
public sealed record LastRound(RoundRecord Round, TeamConversation Conversation, SelfEval.Scoring.Model.Questionnaire Questionnaire);

public sealed class LastRoundReader(ConversationStore store, SelfEval.Web.Questionnaires.QuestionnaireVersionStore versions)
{
    /// <summary>The marks a team can give an action, "offen" first so a mark can be taken back.</summary>
    public static readonly IReadOnlyList<ActionStatus> Statuses = [ActionStatus.Open, ActionStatus.Done, ActionStatus.Partly, ActionStatus.NotDone];

    public LastRound? Read(CoordinatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var last = context.Rounds.Where(r => r.Number < context.Round.Number && r.IsClosed).LastOrDefault();
        return last is null ? null : new LastRound(last, store.Read(last.Id), versions.Get(last.QuestionnaireVersionId));
    }

    /// <summary>Per question, the answer the team agreed on in the last closed round before this one, worded; one query, none in round 1.</summary>
    public IReadOnlyDictionary<string, string> AgreedTexts(RespondentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (agreed, guide) = store.AgreedBefore(context.Assessment.Id, context.Round.Number);
        return agreed.Where(a => guide!.FindQuestion(a.QuestionId) is not null)
            .ToDictionary(a => a.QuestionId, a => ConversationTexts.Answer(guide!.FindQuestion(a.QuestionId)!, a.Answer), StringComparer.Ordinal);
    }
}

/// <summary>
/// The team marks, in a later round, how far the last round's actions were carried out; the mark belongs to the
/// round it was given in. The form sits on the coordinator page; this page only takes it.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class ActionsModel(AssessmentAccess access, LastRoundReader lastRounds, ConversationStore store) : PageModel
{
    public IActionResult OnGet(string token) =>
        access.Coordinator(token) is null ? NotFound() : RedirectToPage("/Coordinator/Index", null, new { token }, "letztes-gespraech");

    public IActionResult OnPostMark(string token)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return NotFound();
        }

        if (lastRounds.Read(context) is { } last)
        {
            // Ids of other rounds and values the form never offered are left out: the store changes this round's actions only.
            var marks = new Dictionary<long, ActionStatus>();
            foreach (var (key, value) in Request.Form)
            {
                if (key.StartsWith("status.", StringComparison.Ordinal) && long.TryParse(key.AsSpan(7), out var id)
                    && LastRoundReader.Statuses.FirstOrDefault(s => s.Code() == value.ToString()) is var status
                    && status.Code() == value.ToString())
                {
                    marks[id] = status;
                }
            }

            store.Mark(last.Round.Id, context.Round.Id, marks);
        }

        return RedirectToPage("/Coordinator/Index", null, new { token, notice = SelfEval.Web.Pages.Coordinator.CoordinatorNotice.ActionsMarked }, "letztes-gespraech");
    }
}
