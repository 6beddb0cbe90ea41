using Microsoft.AspNetCore.Mvc;

namespace SelfEval.Web.Pages.Conversation;

/// <summary>What the team agreed and took on, at the end of the conversation: to read out, print or copy into the minutes.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class SummaryModel(AgendaReader agendas) : ConversationPage(agendas)
{
    public IActionResult OnGet(string token, string? view) => Load(token, view) ? Page() : NotFound();
}
