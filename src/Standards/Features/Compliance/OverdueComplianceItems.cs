using System.Diagnostics.Metrics;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>
/// The last per-business counts <see cref="OverdueComplianceItemsRefresher"/> read, which the gauge reports: a gauge
/// callback runs on the exporter's thread at every collection, so it only reads this snapshot and never queries the database.
/// </summary>
internal sealed record OverdueComplianceItems(IReadOnlyList<Measurement<long>> Measurements)
{
    private static OverdueComplianceItems _current = new([]);

    public static OverdueComplianceItems Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}
