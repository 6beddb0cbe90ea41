using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace SelfEval.Web.Office;

/// <summary>
/// The office's sign-in cookie names the account and its session version. Each request checks both against the store,
/// so disabling an account or setting its password ends its sessions at once, also when it was done on the command line
/// (another process: a cache here would not learn of it).
/// </summary>
public static class OfficeSessions
{
    private const string IdClaim = "office_user_id";
    private const string VersionClaim = "session_version";

    public static ClaimsPrincipal Principal(OfficeUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Name),
            new Claim("role", "servicestelle"),
            new Claim(IdClaim, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(VersionClaim, user.SessionVersion.ToString(CultureInfo.InvariantCulture)),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The cookie's account id, or null for a cookie without one.</summary>
    public static long? Id(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(IdClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Cookie validation: a cookie of a disabled account, of an older password or of a release without the claims is signed out.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal
            && Id(principal) is { } id
            && long.TryParse(principal.FindFirst(VersionClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && context.HttpContext.RequestServices.GetRequiredService<OfficeUserStore>().IsSessionValid(id, version))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
