namespace CustomerPlatform.Loyalty.Domain.Webhooks;

/// <summary>
/// When a failed delivery is tried again: growing delays (30 s, 2 min, 10 min, 1 h, then every 3 h) with ±20 %
/// jitter, so a receiver coming back after an outage is not hit by every queued delivery at the same instant;
/// after <see cref="Window"/> the delivery fails.
/// </summary>
public sealed class WebhookRetrySchedule(IReadOnlyList<TimeSpan> delays, TimeSpan window)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public static readonly IReadOnlyList<TimeSpan> DefaultDelays =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(3),
    ];

    public static WebhookRetrySchedule Default { get; } = new(DefaultDelays, Window);

    public TimeSpan RetryWindow => window;

    /// <summary>The delay after the given failed attempt (1-based), before jitter.</summary>
    public TimeSpan BaseDelayAfter(int attempt) => delays[Math.Clamp(attempt - 1, 0, delays.Count - 1)];

    /// <summary>
    /// The next attempt after a failure, or null when it would fall past <paramref name="retryUntil"/> (give up).
    /// <paramref name="jitter"/> is a number in [0, 1) (random in production, fixed in tests).
    /// </summary>
    public DateTimeOffset? NextAttempt(int attempt, DateTimeOffset now, DateTimeOffset retryUntil, double jitter)
    {
        var delay = BaseDelayAfter(attempt);
        var next = now + delay * (0.8 + 0.4 * jitter);
        return next > retryUntil ? null : next;
    }
}
