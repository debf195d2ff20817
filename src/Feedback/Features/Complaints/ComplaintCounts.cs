using System.Diagnostics.Metrics;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>
/// The last counts <see cref="ComplaintGaugeRefresher"/> read, which the gauges report: a gauge callback runs on the
/// metrics exporter's thread at every collection, so it only reads this snapshot and never queries the database.
/// </summary>
internal sealed record ComplaintCounts(IReadOnlyList<Measurement<long>> Open, IReadOnlyList<Measurement<long>> Overdue)
{
    private static ComplaintCounts _current = new([], []);

    public static ComplaintCounts Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}
