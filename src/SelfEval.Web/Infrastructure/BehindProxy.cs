using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Infrastructure;

/// <summary>
/// Serving behind a TLS proxy: the public address for links, allowed host names and Secure cookies follow
/// SelfEval:PublicBaseUrl; forwarded headers are trusted from SelfEval:KnownProxies only.
/// </summary>
public static class BehindProxy
{
    public static IServiceCollection AddPublicAddress(this IServiceCollection services)
    {
        services.AddSingleton<PublicUrl>();
        services.AddOptions<SelfEvalOptions>()
            .Validate(o => PublicUrl.IsValid(o.PublicBaseUrl), "SelfEval:PublicBaseUrl must be an absolute http or https address without a path, e.g. https://selfeval.example.de.")
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "SelfEval:KnownProxies must list IP addresses.");

        // The framework trusts loopback proxies by default; here nothing is trusted unless configured.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SelfEvalOptions>>((o, selfEval) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in selfEval.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        // AllowedHosts (localhost by default) plus the public host, so a Host header of the client's choosing is refused.
        services.AddOptions<HostFilteringOptions>().PostConfigure<PublicUrl>((o, url) =>
        {
            if (url.Configured is { } configured && !o.AllowedHosts.Contains("*") && !o.AllowedHosts.Contains(configured.Host, StringComparer.OrdinalIgnoreCase))
            {
                o.AllowedHosts = [.. o.AllowedHosts, configured.Host];
            }
        });

        // Behind a TLS proxy the request may arrive as http; the browser's side is https all the same.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).PostConfigure<PublicUrl>((o, url) =>
        {
            if (url.IsHttps)
            {
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }
        });
        services.AddOptions<AntiforgeryOptions>().PostConfigure<PublicUrl>((o, url) =>
        {
            if (url.IsHttps)
            {
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }
        });
        return services;
    }

    /// <summary>Client address and scheme from the proxy's headers, only when the request comes from a configured proxy.</summary>
    public static IApplicationBuilder UseForwardedHeadersOfKnownProxies(this IApplicationBuilder app)
    {
        // With no known proxies the middleware would trust every sender, so it is left out.
        return app.ApplicationServices.GetRequiredService<IOptions<SelfEvalOptions>>().Value.KnownProxies.Count > 0
            ? app.UseForwardedHeaders()
            : app;
    }

    /// <summary>
    /// With an https public address, TLS ends at the proxy in front of the service: requests count as https
    /// whatever reached the service, so cookies are Secure, antiforgery accepts them and HSTS is sent
    /// (<see cref="HstsBuilderExtensions.UseHsts"/>, outside development and for other hosts than localhost).
    /// </summary>
    public static IApplicationBuilder UsePublicScheme(this IApplicationBuilder app)
    {
        return app.ApplicationServices.GetRequiredService<PublicUrl>().IsHttps
            ? app.Use((context, next) =>
            {
                context.Request.Scheme = Uri.UriSchemeHttps;
                return next(context);
            })
            : app;
    }
}
