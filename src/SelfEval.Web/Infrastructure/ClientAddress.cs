namespace SelfEval.Web.Infrastructure;

/// <summary>The key every per-client limit uses: the client's address (the proxy's client, when forwarded headers are trusted).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";
}
