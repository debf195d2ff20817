using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Npgsql;

namespace CustomerPlatform.Bench;

/// <summary>
/// The five apps as processes from their Release output, as the end-to-end tests start them, each on a private
/// database of the local server and all on one private RabbitMQ vhost, so a run leaves nothing behind.
/// </summary>
public sealed class BenchPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

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

    public AppProcess Gateway { get; private set; } = null!;

    public AppProcess Customers { get; private set; } = null!;

    /// <summary>Everything the apps printed recently, to explain a failed run.</summary>
    public string AppOutput => string.Join(Environment.NewLine, _apps.Select(app => app.RecentOutput));

    public PostgresDatabase Database(string name) => _databases[name];

    public static async Task<BenchPlatform> StartAsync(HttpClient http)
    {
        var platform = new BenchPlatform();
        try
        {
            await platform.StartAppsAsync(http);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a business through the operator endpoint and returns its id and first (owner) API key.</summary>
    public async Task<(Guid Id, string ApiKey)> CreateBusinessAsync(HttpClient http, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway.BaseAddress, "/api/v1/businesses"))
        {
            Content = JsonContent.Create(new { name }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operatorKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating a business gave {(int)response.StatusCode}: {body}");
        }

        using var created = JsonDocument.Parse(body);
        return (created.RootElement.GetProperty("businessId").GetGuid(),
            created.RootElement.GetProperty("apiKey").GetProperty("key").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await Broker.DisposeAsync();
        foreach (var database in _databases.Values)
        {
            await database.DisposeAsync();
        }
    }

    private async Task StartAppsAsync(HttpClient http)
    {
        await Task.WhenAll(_databases.Values.Select(database => database.InitializeAsync()).Append(Broker.InitializeAsync()));

        Dictionary<string, string> Environment(string database) => new()
        {
            // The databases' own pools are sized for many test classes at once; a bench runs one platform, and
            // ../shared/PERFORMANCE.md found 16 per service enough for a primary-key lookup at saturation.
            [$"ConnectionStrings__{database}"] = new NpgsqlConnectionStringBuilder(_databases[database].ConnectionString) { MaxPoolSize = 16 }.ConnectionString,
            ["ConnectionStrings__messaging"] = Broker.ConnectionString,
            // The key InternalTokens signs with, so the bench can call a service directly as the gateway would.
            ["InternalAuth__SigningKey"] = TestInfrastructure.SigningKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };

        Customers = new AppProcess("customers", "Customers", AppProcess.FreePort(), Environment("customersdb"));
        var feedback = new AppProcess("feedback", "Feedback", AppProcess.FreePort(), Environment("feedbackdb"));
        var loyalty = new AppProcess("loyalty", "Loyalty", AppProcess.FreePort(), Environment("loyaltydb"));
        var standards = new AppProcess("standards", "Standards", AppProcess.FreePort(), Environment("standardsdb"));
        var gatewayEnvironment = Environment("gatewaydb");
        gatewayEnvironment["Platform__OperatorKey"] = _operatorKey;
        // The bench drives one key far past any sensible per-key limit on purpose: it measures the platform.
        gatewayEnvironment["RateLimits__PermitsPerSecond"] = "1000000";
        gatewayEnvironment["RateLimits__Burst"] = "1000000";
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

        await Task.WhenAll(_apps.Select(app => app.WaitUntilHealthyAsync(http, StartupTimeout)));
    }
}
