using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a customer joins or leaves one of the business's segments, as the segment's membership
/// is refreshed (after purchases change the customer's scores, after the customer or the segment's rules change, and
/// periodically for rules that depend on time). Every member of a new segment is announced as <c>joined</c>, and every
/// member of a deleted one as <c>left</c>, so a subscriber that applies the events in order holds the same membership.
/// Events of one refresh are written in batches of 1,000, so a large first computation arrives over some minutes.
/// </summary>
[MessageUrn("customers.customer-segment-changed.v1")]
[EntityName("customers.customer-segment-changed.v1")]
public sealed record CustomerSegmentChanged : IIntegrationEvent
{
    /// <summary>The change meaning the customer now matches the segment's rules.</summary>
    public const string Joined = "joined";

    /// <summary>The change meaning the customer no longer matches them (or the segment was deleted).</summary>
    public const string Left = "left";

    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The segment's id.</summary>
    public required Guid SegmentId { get; init; }

    /// <summary>The segment's name when the change was found.</summary>
    public required string SegmentName { get; init; }

    /// <summary>The customer who joined or left.</summary>
    public required Guid CustomerId { get; init; }

    /// <summary><c>joined</c> or <c>left</c>.</summary>
    public required string Change { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
