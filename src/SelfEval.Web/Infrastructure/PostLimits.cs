using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Infrastructure;

/// <summary>Marks a page whose POSTs count against the named limit of <see cref="PostLimits"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LimitPostsAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Per-client limits on the POSTs that create or change things: starting assessments and the coordinator's
/// round actions. They run as the rate limiter's global limiter, on top of a page's own policy, because a
/// page has only one policy and the coordinator page's is "links", whose budget it shares with every link page.
/// </summary>
public static class PostLimits
{
    public const string Starts = "starts";
    public const string RoundActions = "round-actions";

    public static PartitionedRateLimiter<HttpContext> Limiter() => PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        if (Of(context) is not { } name)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<SelfEvalOptions>>().Value;
        var (limit, window) = name == Starts
            ? (options.StartsPerHour, TimeSpan.FromHours(1))
            : (options.RoundActionsPerMinute, TimeSpan.FromMinutes(1));
        return RateLimitPartition.GetSlidingWindowLimiter(
            $"{name}:{ClientAddress.Of(context)}",
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = limit, Window = window, SegmentsPerWindow = 6 });
    });

    /// <summary>What a refused POST of a limited page says; null for every other request.</summary>
    public static string? Rejection(HttpContext context) => Of(context) switch
    {
        Starts => "Von Ihrem Internetanschluss aus wurden in der letzten Stunde sehr viele Selbstevaluationen angelegt. Bitte warten Sie eine Weile und versuchen Sie es dann erneut.",
        RoundActions => "Zu viele Änderungen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.",
        _ => null,
    };

    private static string? Of(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) ? context.GetEndpoint()?.Metadata.GetMetadata<LimitPostsAttribute>()?.Name : null;
}
