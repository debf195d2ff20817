using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.Triggers;

/// <summary>
/// A customer's consent for one channel as Customers last reported it. Opt-in: no row means no consent. Kept by the
/// newest <see cref="OccurredAt"/>, so events arriving out of order cannot bring back an older answer.
/// </summary>
public sealed class CustomerConsent : ITenantOwned
{
    private CustomerConsent()
    {
    }

    public const int MaxChannelLength = 20;

    public Guid TenantId { get; private init; }
    public Guid CustomerId { get; private init; }

    /// <summary>The channel as Customers names it: email, sms, phone or post.</summary>
    public string Channel { get; private init; } = "";

    public bool Granted { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }
}
