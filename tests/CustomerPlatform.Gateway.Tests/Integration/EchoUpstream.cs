using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>
/// A stand-in for the services behind the gateway: a real Kestrel server on a loopback port that answers every
/// request with the method, path, Authorization and correlation headers it received, as JSON (with the status
/// and Location a test asks for).
/// </summary>
public sealed class EchoUpstream : IAsyncDisposable
{
    /// <summary>A request header asking for this status instead of 200 (never 204 or 304: the echo has a body).</summary>
    public const string StatusHeader = "X-Echo-Status";

    /// <summary>A request header asking for this Location header on the response.</summary>
    public const string LocationHeader = "X-Echo-Location";

    private readonly WebApplication _app;

    private EchoUpstream(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<EchoUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context =>
        {
            if (int.TryParse(Header(context, StatusHeader), out var status))
            {
                context.Response.StatusCode = status;
            }

            if (Header(context, LocationHeader) is { } location)
            {
                context.Response.Headers.Location = location;
            }

            return context.Response.WriteAsJsonAsync(new EchoedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                Header(context, "Authorization"),
                Header(context, "X-Correlation-Id"),
                Header(context, "X-Tenant-Id")));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EchoUpstream(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
