using System.Diagnostics;
using System.Globalization;
using CustomerPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace CustomerPlatform.Bench;

/// <summary>
/// The reference the gateway is held against: YARP with one route to Customers and nothing else (no API keys,
/// no token signing, no middleware), in its own process like the gateway, passing the caller's token through.
/// </summary>
public sealed class BareYarp : IAsyncDisposable
{
    public const string Command = "bare-yarp";

    private readonly Process _process;

    private BareYarp(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts this program again as a bare YARP proxy to <paramref name="target"/> and waits until it answers.</summary>
    public static async Task<BareYarp> StartAsync(Uri target, HttpClient http)
    {
        var port = AppProcess.FreePort();
        var startInfo = new ProcessStartInfo("dotnet", [typeof(BareYarp).Assembly.Location, Command, port.ToString(CultureInfo.InvariantCulture), target.ToString()])
        {
            UseShellExecute = false,
        };
        // The gateway is a web app and gets the server GC by default; the reference must not differ in that.
        startInfo.Environment["DOTNET_gcServer"] = "1";
        var proxy = new BareYarp(Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start bare YARP."), port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                // Any answer (the service's 401 for a request without a token) proves the proxy forwards.
                using var response = await http.GetAsync(new Uri(proxy.BaseAddress, "/api/v1/customers/" + Guid.Empty));
                return proxy;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !proxy._process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The proxy itself, when this program runs as <c>bare-yarp &lt;port&gt; &lt;target&gt;</c>.</summary>
    public static async Task RunAsync(int port, Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "customers", ClusterId = "customers", Match = new RouteMatch { Path = "/api/v1/customers/{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "customers",
                Destinations = new Dictionary<string, DestinationConfig> { ["customers"] = new() { Address = target.ToString() } },
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
