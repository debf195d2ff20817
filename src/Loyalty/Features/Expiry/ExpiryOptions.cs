namespace CustomerPlatform.Loyalty.Features.Expiry;

/// <summary>How the expiry worker polls (section <c>Loyalty:Expiry</c>).</summary>
public sealed class ExpiryOptions
{
    public const string Section = "Loyalty:Expiry";

    /// <summary>How long the worker sleeps when no account is due. Points fall due by the clock, so nothing nudges it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many accounts one pass handles before it looks for the stop signal again.</summary>
    public int BatchSize { get; set; } = 100;
}
