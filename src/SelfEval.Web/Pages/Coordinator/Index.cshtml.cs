using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Answering;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Where a person stands; "begonnen" means an answer was saved, not that the invitation was opened.</summary>
public enum PersonState
{
    NotStarted,
    InProgress,
    Finished,
}

/// <summary>
/// One person of the round. <see cref="Answered"/> counts what they answered of what they are asked (the coordinator
/// is asked the profile too), and the state follows from the same count, so "11 von 63 · noch nicht begonnen" cannot occur.
/// </summary>
public sealed record RespondentRow(RespondentRecord Respondent, string Label, int Answered, int Questions, int OwnAnswers)
{
    /// <summary>A reissued link hides the person's earlier answers, and the open round waits for them to answer again.</summary>
    public bool AnswersAgain { get; init; }

    public PersonState State => Respondent.IsFinished ? PersonState.Finished : Answered > 0 ? PersonState.InProgress : PersonState.NotStarted;
}

/// <summary>The coordinator's page: links, the team's progress, rounds, export and deletion.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class IndexModel(
    AssessmentAccess access, AssessmentStore assessments, RoundReader reader,
    QuestionnaireCatalog catalog, QuestionnaireVersionStore versions,
    SelfEval.Web.Office.ComparisonCodeStore codes, SelfEval.Web.Office.SnapshotStore snapshots,
    Microsoft.Extensions.Options.IOptions<SelfEvalOptions> options, TimeProvider clock, SelfEval.Web.Infrastructure.PublicUrl publicUrl,
    RetentionStore retention) : PageModel
{
    public CoordinatorContext Context { get; private set; } = null!;

    public IReadOnlyList<RespondentRow> Rows { get; private set; } = [];

    public bool IsNew { get; private set; }

    /// <summary>Team members of the current round, and how many of them share their answers one by one.</summary>
    public int Members => Rows.Count(r => !r.Respondent.IsCoordinator);

    public int Sharing => Rows.Count(r => !r.Respondent.IsCoordinator && r.Respondent.Sharing != AnswerSharing.None);

    /// <summary>People removed with their answers kept: not listed, still counted in the team's figures.</summary>
    public int Kept { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>Right after a new round began: the profile answers it could not take over, to be answered again.</summary>
    public IReadOnlyList<NotCarried> NotCarried { get; private set; } = [];

    /// <summary>A newer text of the guide that a new round would use.</summary>
    public bool NewerVersionAvailable { get; private set; }

    /// <summary>The absolute address of a path the routing made, for the links the coordinator copies and passes on.</summary>
    public string Absolute(string? localPath) => publicUrl.Of(Request, localPath);

    /// <summary>The day retention deletes the assessment unless someone works on it before; null while no notice stands.</summary>
    public DateOnly? Deletion { get; private set; }

    public int RetentionMonths => options.Value.RetentionMonths;

    /// <summary>Whether the initiative joined the comparison with a code of the service office.</summary>
    public bool HasComparisonCode { get; private set; }

    /// <summary>A problem with the entered comparison code, shown next to its field.</summary>
    public string? CodeError { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The consent as just posted, shown again with a code error so nothing typed or ticked is lost.</summary>
    public bool? PostedOptIn { get; private set; }

    /// <summary>The notice this visit was sent with (right after a step), or null.</summary>
    public CoordinatorNotice? Shown { get; private set; }

    public IActionResult OnGet(string token, CoordinatorNotice? notice, string? neu, string? hinweis)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        Shown = CoordinatorNotices.FromOldQuery(notice, neu, hinweis);
        IsNew = Shown == CoordinatorNotice.Created;
        if (Shown == CoordinatorNotice.NewRound && Context.Rounds.Count > 1)
        {
            // Worked out again from the last round's answers: the same rule that decided what was copied.
            var previous = Context.Rounds[^2];
            NotCarried = ProfileCarryOver.For(assessments.GetProfile(previous.Id), Context.Questionnaire, versions.Get(previous.QuestionnaireVersionId)).NotCarried;
        }

        Notice = CoordinatorTexts.Notice(
            Shown,
            NotCarried.Count > 0,
            () => CoordinatorTexts.TooEarly(RoundSchedule.EarliestNextStart(Context.Round, options.Value.MinimumDaysBetweenRounds), options.Value.MinimumDaysBetweenRounds));
        return Page();
    }

    public IActionResult OnPostNewRound(string token)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        if (!RoundSchedule.MayStartNext(Context.Round, options.Value.MinimumDaysBetweenRounds, clock.GetUtcNow()))
        {
            return RedirectToPage(new { token, notice = CoordinatorNotice.TooEarly });
        }

        var guide = catalog.Find(Context.Assessment.QuestionnaireId) ?? Context.Questionnaire;
        var round = assessments.StartNextRound(Context.Assessment.Id, versions.Ensure(guide), guide);
        return RedirectToPage(new { token, notice = round is null ? (CoordinatorNotice?)null : CoordinatorNotice.NewRound });
    }

    /// <summary>"Daten behalten" in the retention notice: counts as activity.</summary>
    public IActionResult OnPostKeep(string token)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        retention.Keep(Context.Assessment.Id);
        return RedirectToPage("Index", new { token, notice = CoordinatorNotice.Kept });
    }

    public IActionResult OnPostReopen(string token, long respondentId)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        // Only a respondent of this assessment's open round can be reopened from here.
        if (Rows.Any(r => r.Respondent.Id == respondentId) && !Context.Round.IsClosed)
        {
            assessments.SetFinished(respondentId, finished: false);
        }

        return RedirectToPage(new { token, notice = CoordinatorNotice.AnswersReopened });
    }

    public IActionResult OnPostReplaceInvite(string token)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        var next = Context.Assessment.InviteGeneration + 1;
        assessments.ReplaceInvite(Context.Assessment.Id, next, Tokens.Hash(Tokens.Invite(token, next)));
        return RedirectToPage(null, null, new { token, notice = CoordinatorNotice.NewInvite }, "team");
    }

    public IActionResult OnPostComparison(string token, bool optIn)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        if (!string.IsNullOrWhiteSpace(Code))
        {
            CodeError = codes.Redeem(Context.Assessment.Id, Code) switch
            {
                SelfEval.Web.Office.CodeRedemption.Unknown => "Diesen Vergleichscode kennen wir nicht. Bitte prüfen Sie ihn: zwölf Zeichen, zum Beispiel 7K2M-9QXA-4TRD.",
                SelfEval.Web.Office.CodeRedemption.UsedForThisGuide => "Dieser Vergleichscode wird für diesen Leitfaden schon von einer anderen Selbstevaluation verwendet. Ein Code gilt für eine Initiative, je Leitfaden einmal.",
                SelfEval.Web.Office.CodeRedemption.Joined or SelfEval.Web.Office.CodeRedemption.AlreadyJoined => null,
                _ => null,
            };
            if (CodeError is not null)
            {
                HasComparisonCode = codes.HasCode(Context.Assessment.Id);
                PostedOptIn = optIn;
                return Page();
            }
        }

        assessments.SetComparisonOptIn(Context.Assessment.Id, optIn);
        if (!optIn && Context.Assessment.ComparisonOptIn)
        {
            // Withdrawn consent leaves every snapshot at once: no figure released from now on contains it.
            snapshots.Forget(Context.Rounds.Select(r => r.Id).ToList());
        }

        var notice = string.IsNullOrWhiteSpace(Code) ? CoordinatorNotice.ComparisonSaved : optIn ? CoordinatorNotice.CodeSaved : CoordinatorNotice.CodeWithoutConsent;
        return RedirectToPage(null, null, new { token, notice }, "vergleich");
    }

    private bool Load(string token)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return false;
        }

        Context = context;
        var round = reader.Read(context.Round, context.Questionnaire);
        var labels = RespondentLabels.For(round.Respondents);
        Kept = round.Respondents.Count(r => r.IsRemoved);
        Rows = round.People.Where(p => !p.Respondent.IsRemoved).Select(p =>
        {
            var r = p.Respondent;
            var all = round.Profile.Concat(p.Answers.Where(o => !round.Profile.ContainsKey(o.Key))).ToDictionary(p => p.Key, p => p.Value);
            var progress = Progress.Of(context.Questionnaire, all, s => r.IsCoordinator || !s.IsProfile);
            return new RespondentRow(r, labels[r.Id], progress.Answered, progress.Questions, p.Answers.Count)
            {
                AnswersAgain = p.Hidden.Count > 0 && !r.IsFinished && !context.Round.IsClosed,
            };
        }).ToList();
        HasComparisonCode = codes.HasCode(context.Assessment.Id);
        Deletion = retention.Deletion(context.Assessment.Id);
        var current = catalog.Find(context.Assessment.QuestionnaireId);
        NewerVersionAvailable = current is not null && current.Hash != context.Questionnaire.Hash;
        return true;
    }
}
