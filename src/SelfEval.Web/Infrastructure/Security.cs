using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SelfEval.Web.Data;

namespace SelfEval.Web.Infrastructure;

/// <summary>Headers every response carries: no inline script, no framing, no referrer (links are secrets).</summary>
public static partial class Security
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        await next();
    });

    /// <summary>
    /// Secret links in a path or query, replaced before anything is logged. Routing ignores case, so /K/… opens
    /// the same page as /k/…; in a query the slashes may be percent-encoded.
    /// </summary>
    [GeneratedRegex("(/|%2F)(k|a|e)(/|%2F)[A-Za-z0-9_-]{20,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    public static string Redact(string pathAndQuery) => LinkPattern().Replace(pathAndQuery, "$1$2$3[Link]");

    /// <summary>One structured line per request, with its id and a redacted path: links never reach a log.</summary>
    public static IApplicationBuilder UseRedactedRequestLog(this IApplicationBuilder app)
    {
        // One logger for the app, not one looked up per request (the factory's lookup takes a lock every request shares).
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("SelfEval.Requests");
        return app.Use(async (context, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next();
                return;
            }

            var pathAndQuery = context.Request.Path.Value + context.Request.QueryString.Value; // as received, before a re-execution changes it
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                RequestAnswered(
                    logger, context.TraceIdentifier, context.Request.Method, Redact(pathAndQuery),
                    context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    // Generated once: no message template parsed and no argument array per request.
    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} {Method} {Path} answered {StatusCode} in {ElapsedMs:0} ms")]
    private static partial void RequestAnswered(ILogger logger, string requestId, string method, string path, int statusCode, double elapsedMs);

    /// <summary>
    /// Paths that carry a secret link or office data: their responses (pages, files, redirects, errors) must not
    /// be kept by a browser or proxy cache, where the next user of the device could find them.
    /// </summary>
    private static readonly PathString[] NeverStored = ["/k", "/a", "/e", "/start", "/servicestelle"];

    public static IApplicationBuilder UseNoStoreBehindSecretLinks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (NeverStored.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            // Set when the response starts, so nothing later in the pipeline (error pages, file results) drops it.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        }

        await next();
    });

    /// <summary>
    /// Requests too large or malformed to read get a plain 4xx before any page runs, so nothing of them is
    /// half-processed or saved.
    /// </summary>
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            if (context.Request.HasFormContentType && HttpMethods.IsPost(context.Request.Method))
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException)
        {
            context.Response.StatusCode = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Die Anfrage ist zu groß oder fehlerhaft und wurde nicht verarbeitet.");
            return;
        }

        await next();
    });
}

/// <summary>The health endpoint's check: the database answers and its schema is in place.</summary>
public sealed class DatabaseHealthCheck(Database db) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = db.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT MAX(version) FROM schema_version";
            var version = command.ExecuteScalar();
            return Task.FromResult(HealthCheckResult.Healthy($"schema {version}{(db.ReadOnly ? ", read-only" : string.Empty)}"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("database unavailable", ex));
        }
    }

    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(report.Status.ToString());
        },
    };
}
