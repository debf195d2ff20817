using MassTransit;

namespace CustomerPlatform.Messaging;

/// <summary>
/// Counts consume attempts that failed and will be retried, by exception type, so a hot spot (optimistic
/// concurrency conflicts, say) shows on the dashboard before it turns into dead-lettered messages.
/// </summary>
internal sealed class RetryTelemetry : IRetryObserver
{
    public Task PostCreate<T>(RetryPolicyContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;

    public Task PostFault<T>(RetryContext<T> context)
        where T : class, PipeContext
    {
        MessagingTelemetry.ConsumeRetries.Add(1, new KeyValuePair<string, object?>("exception.type", context.Exception.GetType().Name));
        return Task.CompletedTask;
    }

    public Task PreRetry<T>(RetryContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;

    public Task RetryFault<T>(RetryContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;

    public Task RetryComplete<T>(RetryContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;
}
