using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform: the five apps as real processes on real ports, each on its own private database, one
/// private RabbitMQ vhost, traces exported over OTLP to an in-test receiver. Customers reaches the broker through
/// a <see cref="TcpProxy"/>, so a test can take the broker away from it alone. Two businesses exist, each with a key.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, PostgresDatabase> _databases = new()
    {
        ["customersdb"] = new PostgresDatabase(),
        ["feedbackdb"] = new PostgresDatabase(),
        ["loyaltydb"] = new PostgresDatabase(),
        ["standardsdb"] = new PostgresDatabase(),
        ["gatewaydb"] = new PostgresDatabase(),
    };

    private readonly string _operatorKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly List<AppProcess> _apps = [];

    public RabbitMqVirtualHost Broker { get; } = new();

    public OtlpTraceReceiver Traces { get; private set; } = null!;

    public TcpProxy CustomersBrokerLink { get; private set; } = null!;

    public AppProcess Gateway { get; private set; } = null!;

    public AppProcess Customers { get; private set; } = null!;

    /// <summary>The four domain services (not the gateway), e.g. to read their OpenAPI documents.</summary>
    public IReadOnlyList<AppProcess> Services => _apps.Where(app => app != Gateway).ToList();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Business BusinessA { get; private set; } = null!;

    public Business BusinessB { get; private set; } = null!;

    public PostgresDatabase Database(string name) => _databases[name];

    /// <summary>Everything the apps printed recently, to explain a failure.</summary>
    public string AppOutput => string.Join(Environment.NewLine, _apps.Select(app => app.RecentOutput));

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_databases.Values.Select(database => database.InitializeAsync()).Append(Broker.InitializeAsync()));
        Traces = await OtlpTraceReceiver.StartAsync();
        var broker = new Uri(Broker.ConnectionString);
        CustomersBrokerLink = TcpProxy.Start(broker.Host, broker.Port);
        var signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

        Dictionary<string, string> Environment(string database, string? messaging = null) => new()
        {
            [$"ConnectionStrings__{database}"] = _databases[database].ConnectionString,
            ["ConnectionStrings__messaging"] = messaging ?? Broker.ConnectionString,
            ["InternalAuth__SigningKey"] = signingKey,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export spans within a fifth of a second, so trace assertions do not wait on the 5 s default.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var customersBroker = new UriBuilder(broker) { Port = CustomersBrokerLink.Port }.Uri.ToString();
        Customers = new AppProcess("customers", "Customers", AppProcess.FreePort(), Environment("customersdb", customersBroker));
        var feedback = new AppProcess("feedback", "Feedback", AppProcess.FreePort(), Environment("feedbackdb"));
        var loyalty = new AppProcess("loyalty", "Loyalty", AppProcess.FreePort(), Environment("loyaltydb"));
        var standards = new AppProcess("standards", "Standards", AppProcess.FreePort(), Environment("standardsdb"));
        var gatewayEnvironment = Environment("gatewaydb");
        gatewayEnvironment["Platform__OperatorKey"] = _operatorKey;
        // The tests send bursts (the fuzz test thousands of requests); per-key limits have their own tests.
        gatewayEnvironment["RateLimits__PermitsPerSecond"] = "100000";
        gatewayEnvironment["RateLimits__Burst"] = "100000";
        foreach (var service in new[] { Customers, feedback, loyalty, standards })
        {
            gatewayEnvironment[$"services__{service.Name}__http__0"] = service.BaseAddress.ToString().TrimEnd('/');
        }

        Gateway = new AppProcess("gateway", "Gateway", AppProcess.FreePort(), gatewayEnvironment);
        _apps.AddRange([Customers, feedback, loyalty, standards, Gateway]);
        foreach (var app in _apps)
        {
            app.Start();
        }

        await Task.WhenAll(_apps.Select(app => app.WaitUntilHealthyAsync(Http, StartupTimeout)));
        BusinessA = await CreateBusinessAsync("Bakery A");
        BusinessB = await CreateBusinessAsync("Bakery B");
    }

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
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await CustomersBrokerLink.DisposeAsync();
        await Traces.DisposeAsync();
        Http.Dispose();
        await Broker.DisposeAsync();
        foreach (var database in _databases.Values)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<Business> CreateBusinessAsync(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway.BaseAddress, "/api/v1/businesses"))
        {
            Content = JsonContent.Create(new { name }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operatorKey);
        using var response = await Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating a business gave {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Business(
            created.RootElement.GetProperty("businessId").GetGuid(),
            created.RootElement.GetProperty("apiKey").GetProperty("key").GetString()!);
    }
}

/// <summary>A business created through the operator endpoint, with its first API key.</summary>
public sealed record Business(Guid Id, string ApiKey);
