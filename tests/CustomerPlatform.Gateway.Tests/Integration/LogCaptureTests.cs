using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>No API key and no internal token reaches a log, at any level, in any category, exceptions included.</summary>
[Trait("Category", "Integration")]
public sealed class LogCaptureTests : IAsyncLifetime
{
    private const string OperatorKey = "operator-key-for-log-capture-tests";

    private readonly PostgresDatabase _database = new();
    private readonly RabbitMqVirtualHost _broker = new();
    private readonly CapturingLoggerProvider _logs = new();
    private EchoUpstream _upstream = null!;
    private LoggedGatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _broker.InitializeAsync();
        _upstream = await EchoUpstream.StartAsync();
        _gateway = new LoggedGatewayFactory(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:gatewaydb"] = _database.ConnectionString,
                ["ConnectionStrings:messaging"] = _broker.ConnectionString,
                ["Platform:OperatorKey"] = OperatorKey,
                ["services:customers:http:0"] = _upstream.Address.ToString(),
                ["services:feedback:http:0"] = _upstream.Address.ToString(),
                ["services:loyalty:http:0"] = _upstream.Address.ToString(),
                // Nothing listens on port 1: forwarding fails, so the forwarder's exception is logged too.
                ["services:standards:http:0"] = "http://127.0.0.1:1/",
            },
            _logs);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        await _broker.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task GatewayRun_CreatingUsingRotatingRevokingKeys_LogsNoKeyAndNoToken()
    {
        using var client = _gateway.CreateClient();
        var secrets = new List<string> { OperatorKey };
        var tokens = new List<string>();

        using var createdBusiness = await client.SendAsync(HttpMethod.Post, "/api/v1/businesses", OperatorKey, new { name = "Logged Bakery" });
        var business = (await createdBusiness.Content.ReadFromJsonAsync<CreatedBusiness>())!;
        var owner = business.ApiKey.Key;
        secrets.Add(owner);
        tokens.Add(await ForwardedTokenAsync(client, owner));

        var created = await client.CreateKeyAsync(owner, new { name = "Till", scopes = new[] { "customers:read", "standards:read" }, branch = "south" });
        var till = created.GetProperty("key").GetString()!;
        secrets.Add(till);
        tokens.Add(await ForwardedTokenAsync(client, till));
        using (var failed = await client.SendAsync(HttpMethod.Get, "/api/v1/standards/scorecard?branch=south", till))
        {
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        }

        using var rotatedResponse = await client.SendAsync(HttpMethod.Post, $"{GatewayCalls.KeysPath}/{created.GetProperty("id").GetGuid()}/rotate", owner);
        var rotated = await GatewayCalls.ReadJsonAsync(rotatedResponse, HttpStatusCode.Created);
        var rotatedTill = rotated.GetProperty("key").GetString()!;
        secrets.Add(rotatedTill);
        tokens.Add(await ForwardedTokenAsync(client, rotatedTill));
        using (var revoked = await client.SendAsync(HttpMethod.Delete, $"{GatewayCalls.KeysPath}/{rotated.GetProperty("id").GetGuid()}", owner))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        foreach (var refused in new[] { till, rotatedTill, owner[..^4] + "AAAA", "cpk_not-a-key" })
        {
            using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/customers/42", refused);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var entries = _logs.Entries.ToList();
        // The capture works: the requests above were logged, so a leak would have been seen.
        Assert.Contains(entries, entry => entry.Contains("/api/v1/keys", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Contains("Exception", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            // The part after the public lookup prefix is the secret proper.
            var secretPart = secret.StartsWith("cpk_", StringComparison.Ordinal) ? secret[17..] : secret;
            Assert.DoesNotContain(entries, entry => entry.Contains(secretPart, StringComparison.Ordinal));
        }

        foreach (var token in tokens)
        {
            var signature = token[(token.LastIndexOf('.') + 1)..];
            Assert.DoesNotContain(entries, entry => entry.Contains(signature, StringComparison.Ordinal));
        }
    }

    private static async Task<string> ForwardedTokenAsync(HttpClient client, string key)
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/customers/42", key);
        var echoed = await GatewayCalls.AssertForwardedAsync(response);
        var token = AuthenticationHeaderValue.Parse(echoed.Authorization!).Parameter!;
        Assert.Equal(2, token.Count(character => character == '.'));
        return token;
    }

    private sealed class LoggedGatewayFactory(IReadOnlyDictionary<string, string?> settings, CapturingLoggerProvider logs)
        : ServiceFactory<Program>(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(logs);
                // A rule for this provider wins over the app's per-category levels: everything is captured.
                logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
            });
        }
    }
}
