using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerPlatform.ServiceDefaults.Persistence;

/// <summary>How every service registers, health-checks and migrates its own database.</summary>
public static class PersistenceExtensions
{
    /// <summary>
    /// PostgreSQL allows 100 connections in all and five apps share it, so each pool is small
    /// unless the connection string says otherwise.
    /// </summary>
    public const int DefaultMaxPoolSize = 16;

    /// <summary>
    /// How long opening a connection (a pool slot or a new session) may take, unless the connection string says.
    /// Npgsql's 15 s default let requests hang while a stopping server still accepted connections but did not
    /// answer them (its shutdown checkpoint took 3 to 4 s here). Not shorter: the wait for a pool slot counts
    /// too, and at 2 s bursts on one busy account (100 parallel redemptions) and the test suite under full load
    /// turned into 503s.
    /// </summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    /// <summary>
    /// Registers <typeparamref name="TContext"/> on connection string <paramref name="connectionName"/>:
    /// pooled, snake_case, retrying transient failures, health-checked, and scoped to the current tenant.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var connectionString = ReadConnectionString(builder.Configuration, connectionName);
        builder.Services.AddPooledDbContextFactory<TContext>((services, options) =>
        {
            UsePlatformConventions(options, connectionString);
            configure?.Invoke(services, options);
        });
        builder.Services.AddScoped(services =>
        {
            var context = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            if (context is ServiceDbContext tenantScoped)
            {
                tenantScoped.Tenant = services.GetService<TenantContext>();
            }

            return context;
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: [Extensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// PostgreSQL with snake_case names, the same at run and design time, and quick retries on transient failures:
    /// at most about three seconds of them, and within a request no more than its <see cref="DatabaseRetryBudget"/>,
    /// so a request during a database restart gets its 503 fast (the client retries with its Idempotency-Key)
    /// instead of hanging, and consumers wait out longer outages themselves.
    /// </summary>
    public static DbContextOptionsBuilder UsePlatformConventions(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.ExecutionStrategy(
                dependencies => new BudgetedRetryingExecutionStrategy(dependencies)))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The connection string with a small pool and a short connect timeout by default (see
    /// <see cref="DefaultMaxPoolSize"/> and <see cref="DefaultConnectTimeoutSeconds"/>).
    /// </summary>
    public static string ReadConnectionString(IConfiguration configuration, string connectionName)
    {
        var raw = configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing (ConnectionStrings:{connectionName}).");
        var builder = new NpgsqlConnectionStringBuilder(raw);
        if (!Sets(raw, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!Sets(raw, "Timeout"))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    private static bool Sets(string connectionString, params string[] keys) =>
        connectionString.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => keys.Contains(key, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Applies pending migrations before the app serves, under a PostgreSQL advisory lock so replicas starting
    /// together take turns. Waits for the database to come up (bounded), since the app may start first.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CustomerPlatform.Migrations");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var context = await app.Services.GetRequiredService<IDbContextFactory<TContext>>()
                    .CreateDbContextAsync(cancellationToken);
                await MigrateUnderLockAsync(context, cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && DateTimeOffset.UtcNow < deadline)
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Reason}", attempt, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    private static async Task MigrateUnderLockAsync(DbContext context, CancellationToken cancellationToken)
    {
        // One lock id for the whole platform is enough: each service has its own database, and locks are per database.
        const long migrationLockId = 0x4350_4D49_4752;
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({migrationLockId})", cancellationToken);
            try
            {
                await context.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({migrationLockId})", CancellationToken.None);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
