using System.Diagnostics.Metrics;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>
/// The last per-business counts <see cref="OverdueReviewsRefresher"/> read, which the gauge reports: the gauge callback
/// runs on the exporter's thread, so it only reads this snapshot and never queries the database.
/// </summary>
internal sealed record OverdueReviews(IReadOnlyList<Measurement<long>> Measurements)
{
    private static OverdueReviews _current = new([]);

    public static OverdueReviews Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}
