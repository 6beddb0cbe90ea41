using Microsoft.Extensions.Options;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Infrastructure;

/// <summary>
/// The address people reach the service at, for every absolute link it shows. With SelfEval:PublicBaseUrl
/// set, the request's Host header (which a client chooses) never reaches a link; without it, local use keeps
/// building links from the request.
/// </summary>
public sealed class PublicUrl(IOptions<SelfEvalOptions> options)
{
    private readonly Uri? _configured = Parse(options.Value.PublicBaseUrl);

    /// <summary>The configured address, if any.</summary>
    public Uri? Configured => _configured;

    /// <summary>Served as https to the public: cookies are Secure and browsers are told to stay on https.</summary>
    public bool IsHttps => _configured?.Scheme == Uri.UriSchemeHttps;

    /// <summary>Scheme and host (no trailing slash) for a link shown in answer to <paramref name="request"/>.</summary>
    public string Base(HttpRequest request) =>
        _configured is { } url ? url.GetLeftPart(UriPartial.Authority) : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// The absolute address of a path the routing made (<c>Url.Page</c>, which already carries the request's path base):
    /// the configured address's host, or the request's.
    /// </summary>
    public string Of(HttpRequest request, string? localPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (_configured is { } url ? url.GetLeftPart(UriPartial.Authority) : $"{request.Scheme}://{request.Host}") + localPath;
    }

    /// <summary>Empty, or an absolute http(s) address without path, query or fragment.</summary>
    public static bool IsValid(string? value) => string.IsNullOrWhiteSpace(value) || Parse(value) is not null;

    private static Uri? Parse(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0
            ? url
            : null;
}
