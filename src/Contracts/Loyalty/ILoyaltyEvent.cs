using MassTransit;

namespace CustomerPlatform.Contracts.Loyalty;

/// <summary>
/// What every public loyalty event carries. Third-party apps build on these (docs/loyalty-integration.md), so
/// a field once published keeps its name and meaning; a breaking change is a new event version (".v2") with
/// its own exchange, published beside the old one for a while.
/// MassTransit binds each event's own exchange to this interface's exchange, so "loyalty.events.v1" receives
/// every public loyalty event: the one exchange a third party binds to for all of them. The names are pinned
/// here because, unpinned, they would follow this interface's namespace and name.
/// </summary>
[MessageUrn("loyalty.events.v1")]
[EntityName("loyalty.events.v1")]
public interface ILoyaltyEvent : IIntegrationEvent
{
    /// <summary>Unique per event, the same however often it is delivered: subscribers de-duplicate on it.</summary>
    Guid EventId { get; }

    /// <summary>The version of the event's JSON schema (docs/schemas); additive changes keep it.</summary>
    int SchemaVersion { get; }

    /// <summary>The loyalty account the event is about.</summary>
    Guid AccountId { get; }

    /// <summary>The customer the account belongs to.</summary>
    Guid CustomerId { get; }

    /// <summary>The branch code where it happened, when it happened at one.</summary>
    string? Branch { get; }
}
