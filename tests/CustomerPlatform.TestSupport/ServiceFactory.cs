using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// Hosts one service in the test process with its settings (connection strings to a <see cref="PostgresDatabase"/>
/// and a <see cref="RabbitMqVirtualHost"/>, say) and the test signing key; <c>configureServices</c> adds to or replaces its services.
/// </summary>
public class ServiceFactory<TProgram>(
    IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    /// <summary>A client whose every request carries a fresh internal token for the tenant, with all scopes.</summary>
    public HttpClient CreateTenantClient(Guid tenantId) =>
        CreateDefaultClient(ClientOptions.BaseAddress, new InternalTokenHandler(tenantId));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // UseSetting, not ConfigureAppConfiguration: with minimal hosting, settings given this way are already in
        // builder.Configuration while Program.cs runs, so code reading configuration at start-up sees them.
        builder.UseEnvironment("Testing");
        builder.UseSetting(InternalToken.SigningKeyConfigKey, TestInfrastructure.SigningKey);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}
