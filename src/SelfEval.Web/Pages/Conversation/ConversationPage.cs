using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SelfEval.Web.Pages.Conversation;

/// <summary>
/// What every page of the team conversation shares: the agenda of the coordinator's current round and the view.
/// Only the coordinator link opens these pages: the facilitator runs the meeting and the distribution is what the
/// team profile shows the coordination anyway; members see the outcome in the profile once it is released to them.
/// </summary>
public abstract class ConversationPage(AgendaReader agendas) : PageModel
{
    /// <summary>The route value of the large-type view for a projector; any other value is no page.</summary>
    public const string LargeView = "gross";

    public Agenda Agenda { get; private set; } = null!;

    /// <summary>The view's route value, passed on by every link and redirect so the projector stays in large type.</summary>
    public string? View { get; private set; }

    public bool Large => View == LargeView;

    /// <summary>The view the switch link leads to: large type from normal, normal from large.</summary>
    public string? OtherView => Large ? null : LargeView;

    public string OtherViewLabel => Large ? ConversationTexts.LargeOff : ConversationTexts.LargeOn;

    protected AgendaReader Agendas => agendas;

    protected bool Load(string token, string? view)
    {
        if (view is not (null or LargeView) || agendas.Read(token) is not { } agenda)
        {
            return false;
        }

        Agenda = agenda;
        View = view;
        return true;
    }
}
