using System.Diagnostics.Metrics;

namespace CustomerPlatform.Loyalty.Features.Meters;

/// <summary>
/// The last per-business sums <see cref="OutstandingPointsRefresher"/> read, which the gauge reports: a gauge callback
/// runs on the exporter's thread at every collection, so it only reads this snapshot and never queries the database.
/// </summary>
internal sealed record OutstandingPoints(IReadOnlyList<Measurement<long>> Measurements)
{
    private static OutstandingPoints _current = new([]);

    public static OutstandingPoints Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}
