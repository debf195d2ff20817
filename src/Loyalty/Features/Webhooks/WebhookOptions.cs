using CustomerPlatform.Loyalty.Domain.Webhooks;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary>How the delivery worker runs (section <c>Loyalty:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Loyalty:Webhooks";

    /// <summary>How long the worker sleeps when nothing is due (a queued delivery wakes it sooner).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a receiver has to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delays after the 1st, 2nd, ... failed attempt; the last one repeats.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = WebhookRetrySchedule.DefaultDelays;

    /// <summary>How long a claimed delivery is hidden from other replicas while its attempt runs.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
}
