namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The system clock truncated to whole microseconds, PostgreSQL's <c>timestamptz</c> precision. Without it a
/// create response (100 ns ticks) and a later read of the same row (microseconds) would disagree in the last digit.
/// </summary>
public sealed class PostgresPrecisionTimeProvider : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
