using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain;

/// <summary>
/// A follow-up a branch owes a customer after an interaction (Customers' <c>InteractionRecorded</c> with a due time),
/// and when it was done. Keyed by the interaction; the customer is not kept.
/// </summary>
public sealed class FollowUp : ITenantOwned
{
    private FollowUp()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid InteractionId { get; private init; }
    public string Branch { get; private init; } = "";
    public DateTimeOffset DueAt { get; private init; }
    public DateTimeOffset? CompletedAt { get; private init; }
}
