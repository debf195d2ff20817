using System.Diagnostics;
using Xunit;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// Waits for an asynchronous effect (a consumed message, a relayed outbox row) by polling with a deadline:
/// fast when the effect is quick, patient when the machine is slow, and never a fixed sleep.
/// </summary>
public static class Eventually
{
    /// <summary>How long to wait when the caller does not say.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(75);

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds, failing the test with <paramref name="because"/> at the
    /// deadline. Exceptions from the condition propagate: they are bugs, not "not yet".
    /// </summary>
    public static async Task AssertAsync(
        Func<Task<bool>> condition,
        string because,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Stopwatch.GetTimestamp() + ToTicks(timeout ?? DefaultTimeout);
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                Assert.Fail($"{because} (gave up after {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s)");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns something other than null (or the type's default) and
    /// returns that, failing the test with <paramref name="because"/> at the deadline.
    /// </summary>
    public static async Task<T> GetAsync<T>(
        Func<Task<T?>> probe,
        string because,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        T? found = default;
        await AssertAsync(
            async () =>
            {
                found = await probe();
                return !EqualityComparer<T?>.Default.Equals(found, default);
            },
            because,
            timeout,
            cancellationToken);
        return found!;
    }

    private static long ToTicks(TimeSpan timeout) => (long)(timeout.TotalSeconds * Stopwatch.Frequency);
}
