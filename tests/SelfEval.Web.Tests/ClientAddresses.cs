using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SelfEval.Web.Tests;

/// <summary>
/// The test server has no network connection, so every request would come from the same (unknown) address.
/// This gives each test client an address of its own, set before the application sees the request, as a
/// network connection would.
/// </summary>
internal static class ClientAddresses
{
    public const string Header = "X-Test-Client-Address";

    public static IWebHostBuilder WithClientAddresses(this IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, Filter>());

    /// <summary>A client whose requests arrive from <paramref name="address"/>.</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                    context.Request.Headers.Remove(Header);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
