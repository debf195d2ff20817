using System.Threading.Channels;
using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Gateway.Features.Audit;

/// <summary>
/// Audit entries on their way to the database. A request only queues its entry here (no I/O); the
/// <see cref="AuditWriter"/> inserts them in batches. The queue is bounded so a database outage cannot exhaust
/// memory: when it is full, entries are dropped and counted rather than making requests wait for the database.
/// </summary>
public sealed class AuditTrail
{
    public const int Capacity = 10_000;

    private readonly Channel<AuditEntry> _channel = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _dropped;

    internal ChannelReader<AuditEntry> Reader => _channel.Reader;

    /// <summary>Queues an entry without waiting; false when it was dropped (queue full, or the app is stopping).</summary>
    public bool Record(AuditEntry entry)
    {
        if (_channel.Writer.TryWrite(entry))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>How many entries were dropped since the last call.</summary>
    internal long TakeDroppedCount() => Interlocked.Exchange(ref _dropped, 0);

    /// <summary>Accepts no more entries; the writer drains what is queued and stops.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}

/// <summary>Where the gateway records state-changing requests.</summary>
public static class AuditTrailPipeline
{
    /// <summary>
    /// Queues an audit entry for every POST, PUT, PATCH or DELETE made with a valid API key (the
    /// <see cref="InternalCaller"/> that API-key authentication sets on the request, for proxied and gateway-local
    /// endpoints alike), after its response is known. Place it after the correlation id and outside the exception
    /// handler, so it sees the final status.
    /// </summary>
    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app)
    {
        var trail = app.ApplicationServices.GetRequiredService<AuditTrail>();
        var clock = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use(async (context, next) =>
        {
            if (!AuditEntry.IsStateChanging(context.Request.Method))
            {
                await next(context);
                return;
            }

            var startedAt = clock.GetUtcNow();
            await next(context);
            if (context.Features.Get<InternalCaller>() is { } caller)
            {
                trail.Record(AuditEntry.Record(
                    caller.TenantId,
                    caller.KeyId,
                    caller.Branch,
                    context.Request.Method,
                    context.Request.Path.Value ?? "/",
                    context.Response.Headers.Location.ToString(),
                    context.Response.StatusCode,
                    context.Request.Headers[ProblemDetailsSetup.CorrelationHeader].ToString(),
                    startedAt));
            }
        });
    }
}
