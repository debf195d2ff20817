using MassTransit;

namespace CustomerPlatform.Messaging;

/// <summary>
/// Counts consume attempts that failed and will be retried, by exception type, so a hot spot (optimistic
/// concurrency conflicts, say) shows on the dashboard before it turns into dead-lettered messages.
/// </summary>
internal sealed class RetryTelemetry : FailedAttemptObserver
{
    protected override void AttemptFailed(PipeContext context, Exception exception) =>
        MessagingTelemetry.ConsumeRetries.Add(1, new KeyValuePair<string, object?>("exception.type", exception.GetType().Name));
}
