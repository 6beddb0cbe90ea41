using Microsoft.AspNetCore.Mvc;
using SelfEval.Scoring.Answering;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;

namespace SelfEval.Web.Pages.Conversation;

/// <summary>
/// One topic of the conversation: the question, how the team answered it without names, and the form for what the
/// team agrees on, why, and what it will do. A form with any problem saves nothing, so what was saved stays.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class TopicModel(AgendaReader agendas, ConversationStore store) : ConversationPage(agendas)
{
    /// <summary>The submit buttons' values: save and go on, save and go back, go on without saving.</summary>
    public const string Next = "weiter";

    public const string Back = "zurueck";

    public const string Skip = "ueberspringen";

    public Topic Topic { get; private set; } = null!;

    /// <summary>The topic's place on the agenda, from 0.</summary>
    public int Index { get; private set; }

    public Distribution? Distribution { get; private set; }

    public QuestionField Field { get; private set; } = null!;

    public LastAgreement? LastTime => Agenda.LastTime.GetValueOrDefault(Topic.Question.Id);

    public IReadOnlyList<StoredAction> Actions => Agenda.Actions.Where(a => a.QuestionId == Topic.Question.Id).ToList();

    public Topic? PreviousTopic => Index > 0 ? Agenda.Topics[Index - 1] : null;

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public string? Who { get; set; }

    [BindProperty]
    public string? Due { get; set; }

    public string? NoteError { get; private set; }

    public string? WhatError { get; private set; }

    public string? WhoError { get; private set; }

    public string? DueError { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IActionResult OnGet(string token, string questionId, string? view)
    {
        if (!Load(token, questionId, view))
        {
            return NotFound();
        }

        Note = store.Agreement(Agenda.Round.Id, questionId)?.Note;
        Field = FieldOf(null, null);
        return Page();
    }

    /// <summary>
    /// Saves the topic's form, or, from an action's own small form (<paramref name="remove"/>), removes that action of
    /// this topic unless a later round already looked back on it. One POST handler: these routes end in an optional
    /// view, and a named handler there makes the form tag helper generate no address at all.
    /// </summary>
    public IActionResult OnPost(string token, string questionId, string? view, string? go, long? remove)
    {
        if (!Load(token, questionId, view))
        {
            return NotFound();
        }

        if (remove is { } actionId)
        {
            if (Actions.Any(a => a.Id == actionId))
            {
                store.RemoveAction(Agenda.Round.Id, actionId);
            }

            return RedirectToPage("Topic", null, new { token, questionId, view }, "massnahmen");
        }

        if (go == Skip)
        {
            return Onward(token, view, forward: true);
        }

        var form = AnswerForm.Read(Request.Form, [Topic.Question]);
        var field = form.Fields[0];
        var note = Clean(Note);
        var what = Clean(What);
        var who = Clean(Who);
        NoteError = note?.Length > ConversationStore.NoteLimit ? ConversationTexts.NoteTooLong : null;
        WhatError = what?.Length > ConversationStore.WhatLimit ? ConversationTexts.WhatTooLong
            : what is null && (who is not null || !string.IsNullOrWhiteSpace(Due)) ? ConversationTexts.WhatMissing : null;
        WhoError = who?.Length > ConversationStore.WhoLimit ? ConversationTexts.WhoTooLong : null;
        DueError = ConversationTexts.TryDue(Due, out var due) ? null : ConversationTexts.DueInvalid;
        var others = new[] { NoteError, WhatError, WhoError, DueError }.OfType<string>().ToList();
        if (form.UnknownQuestions.Count > 0)
        {
            others.Insert(0, ConversationTexts.UnknownField);
        }

        if (!field.Check.IsValid || others.Count > 0)
        {
            Field = FieldOf(field.Raw, field.Check.IsValid ? null : field.Check.Error);
            Errors = [.. others, ConversationTexts.NotSaved];
            return Page();
        }

        var answer = field.Check.Answer is { } a ? StoredAnswer.From(Topic.Question.Id, a) : null;
        store.Save(Agenda.Round.Id, Topic.Question.Id, answer, note, what is null ? null : new ConversationStore.NewAction(what, who, due));
        return Onward(token, view, forward: go != Back);
    }

    private IActionResult Onward(string token, string? view, bool forward)
    {
        var target = forward ? Index + 1 < Agenda.Topics.Count ? Agenda.Topics[Index + 1] : null : PreviousTopic;
        return target is not null
            ? RedirectToPage("Topic", new { token, questionId = target.Question.Id, view })
            : RedirectToPage(forward ? "Summary" : "Index", new { token, view });
    }

    private bool Load(string token, string questionId, string? view)
    {
        if (!Load(token, view))
        {
            return false;
        }

        Index = Agenda.IndexOf(questionId);
        if (Index < 0)
        {
            return false;
        }

        Topic = Agenda.Topics[Index];
        Distribution = Agendas.DistributionOf(Agenda, Topic.Question);
        return true;
    }

    private QuestionField FieldOf(RawAnswer? raw, string? error) =>
        new(Topic.Question, Topic.Number, Agenda.Agreed.GetValueOrDefault(Topic.Question.Id)?.Answer, raw, error, Hidden: false, ReadOnly: false);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
