using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform (<see cref="PlatformProcesses"/>) with traces exported over OTLP to an in-test receiver.
/// Customers reaches the broker through a <see cref="TcpProxy"/>, so a test can take the broker away from it alone.
/// Two businesses exist, each with a key.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly PlatformProcesses _processes = new();

    public RabbitMqVirtualHost Broker => _processes.Broker;

    public OtlpTraceReceiver Traces { get; private set; } = null!;

    public TcpProxy CustomersBrokerLink { get; private set; } = null!;

    public AppProcess Gateway => _processes.Gateway;

    public AppProcess Customers => _processes.Customers;

    /// <summary>The four domain services (not the gateway), e.g. to read their OpenAPI documents.</summary>
    public IReadOnlyList<AppProcess> Services => _processes.Services;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Business BusinessA { get; private set; } = null!;

    public Business BusinessB { get; private set; } = null!;

    public PostgresDatabase Database(string name) => _processes.Database(name);

    /// <summary>Everything the apps printed recently, to explain a failure.</summary>
    public string AppOutput => _processes.AppOutput;

    public async Task InitializeAsync()
    {
        Traces = await OtlpTraceReceiver.StartAsync();
        var broker = new Uri(Broker.ConnectionString);
        CustomersBrokerLink = TcpProxy.Start(broker.Host, broker.Port);
        await _processes.StartAsync(Http, new PlatformSettings
        {
            SigningKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            // The tests send bursts (the fuzz test thousands of requests); per-key limits have their own tests.
            PermitsPerSecond = 100_000,
            Environment = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                // Export spans within a fifth of a second, so trace assertions do not wait on the 5 s default.
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000",
            },
            MessagingOverrides = new Dictionary<string, string>
            {
                ["customers"] = new UriBuilder(broker) { Port = CustomersBrokerLink.Port }.Uri.ToString(),
            },
        });
        BusinessA = await _processes.CreateBusinessAsync(Http, "Bakery A");
        BusinessB = await _processes.CreateBusinessAsync(Http, "Bakery B");
    }

    /// <summary>A business of its own, for a test that changes business-wide settings (code lists, limits) the others rely on.</summary>
    public Task<Business> CreateBusinessAsync(string name) => _processes.CreateBusinessAsync(Http, name);

    /// <summary>A request to the gateway as a business (its API key as bearer).</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, Business business, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(Gateway.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", business.ApiKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Business business, object? body = null)
    {
        using var request = Request(method, path, business, body);
        return await Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        // xunit disposes a fixture whose InitializeAsync failed part way: dispose only what was started.
        await _processes.DisposeAsync();
        if (CustomersBrokerLink is not null)
        {
            await CustomersBrokerLink.DisposeAsync();
        }

        if (Traces is not null)
        {
            await Traces.DisposeAsync();
        }

        Http.Dispose();
    }
}
