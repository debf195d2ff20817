using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerPlatform.ServiceDefaults.Hosting;

/// <summary>
/// The one loop of the services that recount an observable gauge from the database on an interval. A gauge callback
/// runs on the exporter's thread at every collection, so it only reads the last counts (<see cref="GaugeReadings"/>)
/// and never queries; this loop refreshes them. A failed refresh keeps the last counts and tries again on the next tick.
/// </summary>
public abstract partial class GaugeRefresher(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The gauge's name, for the log line of a failed refresh.</summary>
    protected abstract string GaugeName { get; }

    protected abstract TimeSpan RefreshInterval { get; }

    /// <summary>Touches the gauge so it is registered with its meter before the first collection.</summary>
    protected abstract void Register();

    /// <summary>Recounts and stores the readings the gauge reports.</summary>
    protected abstract Task RefreshAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Register();
        using var timer = new PeriodicTimer(RefreshInterval, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A stale gauge beats a stopped host: the database may be restarting.
                LogRefreshFailed(logger, exception, GaugeName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the {Gauge} gauge failed; it keeps the last counts.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string gauge);
}

/// <summary>The last readings a <see cref="GaugeRefresher"/> took, which its gauge's callback reports.</summary>
public sealed class GaugeReadings
{
    private IReadOnlyList<Measurement<long>> _current = [];

    public IReadOnlyList<Measurement<long>> Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}
