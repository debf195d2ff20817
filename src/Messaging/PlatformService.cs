using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Security;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerPlatform.Messaging;

/// <summary>
/// The composition every domain service shares, so a Program is three lines: defaults, internal token,
/// its database <c>&lt;name&gt;db</c> (migrated at start), the bus with queues prefixed <c>&lt;name&gt;</c>, and the
/// hourly pruning of old <c>Idempotency-Key</c> records.
/// Validation is not here: its source generator only sees the endpoints of the assembly that calls
/// <c>AddValidation</c>, so each service's Program calls it.
/// </summary>
public static class PlatformService
{
    public static WebApplicationBuilder AddPlatformService<TContext>(
        this WebApplicationBuilder builder,
        string name,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TContext : ServiceDbContext
    {
        builder.AddServiceDefaults();
        builder.AddInternalAuthentication();
        builder.AddServiceDbContext<TContext>($"{name}db", MessagingExtensions.UseOutboxNudge);
        builder.AddMessaging<TContext>(name, addConsumers);
        builder.Services.AddHostedService<IdempotencyRecordPruner<TContext>>();
        return builder;
    }

    /// <summary>Migrates the database (before anything is served), then runs until shutdown.</summary>
    public static async Task RunPlatformServiceAsync<TContext>(this WebApplication app)
        where TContext : ServiceDbContext
    {
        await app.MigrateDatabaseAsync<TContext>();
        await app.RunAsync();
    }
}
