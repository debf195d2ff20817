using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace CustomerPlatform.ServiceDefaults.Persistence;

/// <summary>
/// How long into a request the database may still be retried. EF's retries are per statement (or per
/// transaction), so a request that read and then wrote during a database shutdown waited out both, each attempt
/// up to the connect timeout, and answered its 503 after 5 to 8 seconds; clients need that refusal fast to fail
/// over. Work outside a request (consumers, workers) has no deadline: it waits out outages on its own terms.
/// </summary>
public static class DatabaseRetryBudget
{
    /// <summary>No retry starts later than this into a request; the last attempt adds at most the connect timeout.</summary>
    public static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(2);

    private static readonly AsyncLocal<long?> RequestStarted = new();

    /// <summary>Starts every request's budget; early in the pipeline, before anything touches the database.</summary>
    public static IApplicationBuilder UseDatabaseRetryBudget(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Set inside an async method, so the value flows into this request's calls and no further.
        RequestStarted.Value = Stopwatch.GetTimestamp();
        await next(context);
    });

    /// <summary>Whether a retry after <paramref name="delay"/> still starts within the current request's budget.</summary>
    public static bool Allows(TimeSpan delay) =>
        RequestStarted.Value is not { } started || Stopwatch.GetElapsedTime(started) + delay <= PerRequest;
}

/// <summary>Npgsql's retries on transient failures, within the request's <see cref="DatabaseRetryBudget"/>.</summary>
internal sealed class BudgetedRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, LongestDelay, errorCodesToAdd: null)
{
    /// <summary>At most about three seconds of retries for work outside a request.</summary>
    private const int MaxRetries = 3;

    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(1);

    protected override TimeSpan? GetNextDelay(Exception lastException) =>
        base.GetNextDelay(lastException) is { } delay && DatabaseRetryBudget.Allows(delay) ? delay : null;
}
