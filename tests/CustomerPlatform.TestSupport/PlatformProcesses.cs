using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// The five apps as real processes from their build output on real ports, each on a private database of the local
/// server and all on one private RabbitMQ vhost, with an operator key to create businesses; disposing stops the
/// apps and removes the vhost and the databases. Shared by the end-to-end and fault tests and by the bench.
/// </summary>
public sealed class PlatformProcesses : IAsyncDisposable
{
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

    /// <summary>The private vhost; its address is known before <see cref="StartAsync"/>, e.g. to put a proxy in front.</summary>
    public RabbitMqVirtualHost Broker { get; } = new();

    public AppProcess Gateway { get; private set; } = null!;

    public AppProcess Customers { get; private set; } = null!;

    /// <summary>The four domain services (not the gateway).</summary>
    public IReadOnlyList<AppProcess> Services => _apps.Where(app => app != Gateway).ToList();

    /// <summary>Everything the apps printed recently, to explain a failure.</summary>
    public string AppOutput => string.Join(Environment.NewLine, _apps.Select(app => app.RecentOutput));

    public PostgresDatabase Database(string name) => _databases[name];

    /// <summary>Creates the databases and the vhost, starts the five apps and waits until each reports healthy.</summary>
    public async Task StartAsync(HttpClient http, PlatformSettings settings)
    {
        await Task.WhenAll(_databases.Values.Select(database => database.InitializeAsync()).Append(Broker.InitializeAsync()));

        Dictionary<string, string> Environment(string name, string database)
        {
            var connectionString = settings.MaxPoolSize is { } maxPoolSize
                ? new NpgsqlConnectionStringBuilder(_databases[database].ConnectionString) { MaxPoolSize = maxPoolSize }.ConnectionString
                : _databases[database].ConnectionString;
            var environment = new Dictionary<string, string>
            {
                [$"ConnectionStrings__{database}"] = connectionString,
                ["ConnectionStrings__messaging"] = settings.MessagingOverrides.GetValueOrDefault(name, Broker.ConnectionString),
                ["InternalAuth__SigningKey"] = settings.SigningKey,
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var (key, value) in settings.Environment)
            {
                environment[key] = value;
            }

            return environment;
        }

        Customers = new AppProcess("customers", "Customers", AppProcess.FreePort(), Environment("customers", "customersdb"));
        var feedback = new AppProcess("feedback", "Feedback", AppProcess.FreePort(), Environment("feedback", "feedbackdb"));
        var loyalty = new AppProcess("loyalty", "Loyalty", AppProcess.FreePort(), Environment("loyalty", "loyaltydb"));
        var standards = new AppProcess("standards", "Standards", AppProcess.FreePort(), Environment("standards", "standardsdb"));
        var gatewayEnvironment = Environment("gateway", "gatewaydb");
        gatewayEnvironment["Platform__OperatorKey"] = _operatorKey;
        gatewayEnvironment["RateLimits__PermitsPerSecond"] = settings.PermitsPerSecond.ToString(CultureInfo.InvariantCulture);
        gatewayEnvironment["RateLimits__Burst"] = gatewayEnvironment["RateLimits__PermitsPerSecond"];
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

        await Task.WhenAll(_apps.Select(app => app.WaitUntilHealthyAsync(http, settings.StartupTimeout)));
    }

    /// <summary>Creates a business through the gateway's operator endpoint.</summary>
    public async Task<Business> CreateBusinessAsync(HttpClient http, string name)
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
        return new Business(
            created.RootElement.GetProperty("businessId").GetGuid(),
            created.RootElement.GetProperty("apiKey").GetProperty("key").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        // The databases are dropped even when the vhost cannot be deleted (a broker restarted meanwhile).
        try
        {
            await Broker.DisposeAsync();
        }
        finally
        {
            foreach (var database in _databases.Values)
            {
                await database.DisposeAsync();
            }
        }
    }
}
