using Microsoft.AspNetCore.DataProtection;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Infrastructure;

namespace SelfEval.Web.Pages.Join;

/// <summary>
/// Which person a browser joined an assessment as, kept in a cookie of its own per assessment (protected, readable by
/// the server alone, sent to the invitation pages only): opening the invitation again gives that person's link back
/// instead of a second entry, for either guide of the initiative however the person joined it.
/// </summary>
public sealed class JoinMemory(AssessmentStore assessments, IDataProtectionProvider protection, PublicUrl publicUrl)
{
    /// <summary>How long a browser remembers whom it joined as: about a year, one round.</summary>
    public static readonly TimeSpan RememberFor = TimeSpan.FromDays(400);

    /// <summary>A person of another guide's current round, and the link the one-click join from it gives in this guide.</summary>
    public sealed record Sibling(RespondentRecord Respondent, string Token);

    private IDataProtector Protector => protection.CreateProtector("SelfEval.Join.Returning");

    private const string CookiePrefix = "SelfEval.Teilnahme.";

    private static string Cookie(long assessmentId) => CookiePrefix + assessmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Keeps the personal link of <paramref name="assessmentId"/> in this browser.</summary>
    public void Remember(HttpContext http, long assessmentId, string personal)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(Cookie(assessmentId), Protector.Protect(personal), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true, // it only gives this browser its own link back
            SameSite = SameSiteMode.Lax,
            Secure = publicUrl.IsHttps || http.Request.IsHttps,
            Path = http.Request.PathBase.Add("/e").Value,
            MaxAge = RememberFor,
        });
    }

    /// <summary>The person this browser joined <paramref name="round"/> as, if they are still one of it.</summary>
    public (string Token, RespondentRecord Respondent)? Recall(HttpRequest request, RoundRecord round)
    {
        ArgumentNullException.ThrowIfNull(round);

        // Only a person of this very round still exists to return to: after a new round, or a removal, the browser joins anew.
        return Read(request, round.AssessmentId) is { } token
            && assessments.FindByRespondentToken(token) is { } found && found.Round.Id == round.Id && !found.Respondent.IsCoordinator
            ? (token, found.Respondent)
            : null;
    }

    /// <summary>
    /// A person this browser joined the initiative's other guide as, in that guide's current round, with the link the
    /// one-click join from their personal link gives in <paramref name="round"/> (<see cref="Initiatives.Join"/>): the
    /// invitation uses the same link, so either way of joining finds the entry the other made.
    /// </summary>
    public Sibling? RecallSibling(HttpRequest request, RoundRecord round)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(round);
        if (!request.Cookies.Keys.Any(k => k.StartsWith(CookiePrefix, StringComparison.Ordinal)))
        {
            return null; // a browser that joined nothing: no need to look for the initiative's other guides
        }

        var firstId = assessments.FirstOf(round.AssessmentId)?.FirstId ?? round.AssessmentId;
        var siblings = new[] { firstId }.Concat(assessments.OtherGuides(firstId).Select(o => o.Id)).Where(id => id != round.AssessmentId);
        foreach (var id in siblings)
        {
            if (Read(request, id) is { } token && assessments.FindByRespondentToken(token) is { } found
                && !found.Respondent.IsCoordinator && assessments.CurrentRound(id).Id == found.Round.Id)
            {
                return new Sibling(found.Respondent, Tokens.OtherGuideMember(token, assessments.CoordinatorHash(round.AssessmentId), round.Number));
            }
        }

        return null;
    }

    private string? Read(HttpRequest request, long assessmentId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Cookies[Cookie(assessmentId)] is not { Length: > 0 and < 1024 } stored)
        {
            return null;
        }

        try
        {
            return Protector.Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
