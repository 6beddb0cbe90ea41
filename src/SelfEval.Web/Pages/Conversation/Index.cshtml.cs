using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Conversation;

/// <summary>The agenda of the team conversation: the topics in order, what is settled, and adding a question.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class IndexModel(AgendaReader agendas, ConversationStore store) : ConversationPage(agendas)
{
    public string? AddError { get; private set; }

    public IActionResult OnGet(string token, string? view) => Load(token, view) ? Page() : NotFound();

    /// <summary>Puts a scored question of the guide on the agenda and opens it.</summary>
    public IActionResult OnPost(string token, string? view, string? questionId)
    {
        if (!Load(token, view))
        {
            return NotFound();
        }

        if (questionId is null || Agenda.Context.Questionnaire.FindQuestion(questionId) is not { Scored: true } question)
        {
            AddError = ConversationTexts.UnknownTopic;
            return Page();
        }

        if (Agenda.IndexOf(question.Id) < 0)
        {
            store.AddTopic(Agenda.Round.Id, question.Id);
        }

        return RedirectToPage("Topic", new { token, questionId = question.Id, view });
    }
}
