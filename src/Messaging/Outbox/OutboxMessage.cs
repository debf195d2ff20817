namespace CustomerPlatform.Messaging.Outbox;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the change that caused it.
/// Its <see cref="Id"/> becomes the MassTransit MessageId, which consumers' inboxes de-duplicate on.
/// </summary>
public sealed class OutboxMessage
{
    public required Guid Id { get; init; }

    /// <summary>Insertion order; the relay publishes in this order.</summary>
    public long Sequence { get; init; }

    public required Guid TenantId { get; init; }
    public required string MessageType { get; init; }
    public required string Payload { get; init; }

    /// <summary>W3C trace context of the request that wrote the row, so the publish joins its trace.</summary>
    public string? TraceParent { get; init; }
    public string? TraceState { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
