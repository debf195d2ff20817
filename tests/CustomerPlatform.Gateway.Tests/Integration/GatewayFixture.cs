using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>
/// The gateway on a private database and vhost (its outbox publishes branch events there), with customers, feedback
/// and loyalty routed to an <see cref="EchoUpstream"/> and standards to a loopback port nobody listens on (a stopped
/// service).
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string OperatorKey = "operator-key-for-gateway-tests";
    public const string StoppedService = "standards";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    public PostgresDatabase Database { get; } = new();

    public RabbitMqVirtualHost Broker { get; } = new();

    public EchoUpstream Upstream { get; private set; } = null!;

    public ServiceFactory<Program> Gateway { get; private set; } = null!;

    /// <summary>The gateway's settings, for a test that starts a second gateway on the same database and upstream.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Broker.InitializeAsync();
        Upstream = await EchoUpstream.StartAsync();
        Settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:gatewaydb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = Broker.ConnectionString,
            ["Platform:OperatorKey"] = OperatorKey,
            ["services:customers:http:0"] = Upstream.Address.ToString(),
            ["services:feedback:http:0"] = Upstream.Address.ToString(),
            ["services:loyalty:http:0"] = Upstream.Address.ToString(),
            [$"services:{StoppedService}:http:0"] = $"http://127.0.0.1:{UnusedLoopbackPort()}/",
        };
        Gateway = new ServiceFactory<Program>(Settings);
        using var client = Gateway.CreateClient();
        await Eventually.AssertAsync(
            async () =>
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                return health.IsSuccessStatusCode;
            },
            "the gateway should become healthy",
            StartupTimeout);
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A client with no credentials: every request says for itself what it presents.</summary>
    public HttpClient CreateClient() => Gateway.CreateClient();

    /// <summary>Creates a business as the operator and returns it with its owner key.</summary>
    internal async Task<CreatedBusiness> CreateBusinessAsync(string? name = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/businesses")
        {
            Content = JsonContent.Create(new { name = name ?? $"Business {Guid.NewGuid():N}" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedBusiness>())!;
    }

    // Bound and released at once: nothing listens there afterwards, so a connection is refused.
    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
