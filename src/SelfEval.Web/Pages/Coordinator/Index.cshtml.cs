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

    public string BaseUrl => publicUrl.Base(Request);

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

    public IActionResult OnGet(string token, string? neu, string? hinweis)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        IsNew = neu is not null;
        if (hinweis == "neue-runde" && Context.Rounds.Count > 1)
        {
            // Worked out again from the last round's answers: the same rule that decided what was copied.
            var previous = Context.Rounds[^2];
            NotCarried = ProfileCarryOver.For(assessments.GetProfile(previous.Id), Context.Questionnaire, versions.Get(previous.QuestionnaireVersionId)).NotCarried;
        }

        Notice = hinweis switch
        {
            "geschlossen" => "Der Durchgang ist abgeschlossen. Niemand kann mehr Antworten ändern.",
            "neue-runde" when NotCarried.Count > 0 => "Ein neuer Durchgang hat begonnen. Ihr Profil wurde übernommen, bis auf die Angaben unten: Diese Fragen haben sich geändert, und Ihre bisherige Antwort passt nicht mehr zu den Antworten, die es jetzt gibt. Bitte beantworten Sie sie im Profil neu. Laden Sie Ihr Team mit dem Einladungslink erneut ein.",
            "neue-runde" => "Ein neuer Durchgang hat begonnen. Ihr Profil wurde übernommen; laden Sie Ihr Team mit dem Einladungslink erneut ein.",
            "wieder-offen" => "Der Durchgang ist wieder offen. Alle können ihre Antworten wieder ändern. Schließen Sie ihn erneut ab, wenn alle fertig sind.",
            "geoeffnet" => "Die Antworten sind wieder geöffnet und können geändert werden.",
            "einladung" => "Es gibt einen neuen Einladungslink. Der bisherige funktioniert nicht mehr; wer schon teilnimmt, behält seinen persönlichen Link.",
            "profil" => "Das Profil Ihrer Initiative ist gespeichert.",
            "massnahmen" => SelfEval.Web.Pages.Conversation.ConversationTexts.ActionsMarked,
            "entfernt" => PeopleTexts.Removed,
            "zusammengefuehrt" => PeopleTexts.Merged,
            "freigegeben" => PeopleTexts.Released,
            "zurueckgezogen" => PeopleTexts.Withdrawn,
            "vergleich" => "Ihre Entscheidung zum anonymen Vergleich ist gespeichert.",
            "behalten" => RetentionTexts.Kept,
            "code-ohne-zustimmung" => "Ihr Vergleichscode ist gespeichert. Damit Ihre Ergebnisse in den anonymen Vergleich einfließen, setzen Sie noch das Häkchen bei der Zustimmung und speichern Sie.",
            "code" => "Ihr Vergleichscode ist gespeichert. Ihre Initiative zählt im anonymen Vergleich, sobald ein abgeschlossener Durchgang im nächsten Datenstand der Servicestelle enthalten ist.",
            "zu-frueh" => $"Ein neuer Durchgang kann frühestens am {RoundSchedule.EarliestNextStart(Context.Round, options.Value.MinimumDaysBetweenRounds):dd.MM.yyyy} beginnen: Zwischen dem Beginn zweier Durchgänge liegen mindestens {options.Value.MinimumDaysBetweenRounds} Tage.",
            _ => null,
        };
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
            return Redirect($"/k/{token}?hinweis=zu-frueh");
        }

        var guide = catalog.Find(Context.Assessment.QuestionnaireId) ?? Context.Questionnaire;
        var round = assessments.StartNextRound(Context.Assessment.Id, versions.Ensure(guide), guide);
        return Redirect(round is null ? $"/k/{token}" : $"/k/{token}?hinweis=neue-runde");
    }

    /// <summary>"Daten behalten" in the retention notice: counts as activity.</summary>
    public IActionResult OnPostKeep(string token)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        retention.Keep(Context.Assessment.Id);
        return RedirectToPage("Index", new { token, hinweis = "behalten" });
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

        return Redirect($"/k/{token}?hinweis=geoeffnet");
    }

    public IActionResult OnPostReplaceInvite(string token)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        var next = Context.Assessment.InviteGeneration + 1;
        assessments.ReplaceInvite(Context.Assessment.Id, next, Tokens.Hash(Tokens.Invite(token, next)));
        return Redirect($"/k/{token}?hinweis=einladung#team");
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

        var notice = string.IsNullOrWhiteSpace(Code) ? "vergleich" : optIn ? "code" : "code-ohne-zustimmung";
        return Redirect($"/k/{token}?hinweis={notice}#vergleich");
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
            return new RespondentRow(r, labels[r.Id], progress.Answered, progress.Questions, p.Answers.Count);
        }).ToList();
        HasComparisonCode = codes.HasCode(context.Assessment.Id);
        Deletion = retention.Deletion(context.Assessment.Id);
        var current = catalog.Find(context.Assessment.QuestionnaireId);
        NewerVersionAvailable = current is not null && current.Hash != context.Questionnaire.Hash;
        return true;
    }
}
