using MassTransit;

namespace CustomerPlatform.Messaging;

/// <summary>
/// Sees every consume attempt that failed and will be retried (register one as <see cref="IRetryObserver"/> in the
/// service's container: <c>AddMessaging</c> connects them all to the endpoints' retry filter). MassTransit's consume
/// observers only see a message's last fault, after its retries have run out.
/// </summary>
public abstract class FailedAttemptObserver : IRetryObserver
{
    /// <summary>An attempt to consume the message in <paramref name="context"/> failed with <paramref name="exception"/>.</summary>
    protected abstract void AttemptFailed(PipeContext context, Exception exception);

    public Task PostFault<T>(RetryContext<T> context)
        where T : class, PipeContext
    {
        ArgumentNullException.ThrowIfNull(context);
        AttemptFailed(context.Context, context.Exception);
        return Task.CompletedTask;
    }

    public Task PostCreate<T>(RetryPolicyContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;

    public Task PreRetry<T>(RetryContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;

    public Task RetryFault<T>(RetryContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;

    public Task RetryComplete<T>(RetryContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;
}
