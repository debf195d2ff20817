namespace CustomerPlatform.Messaging.Inbox;

/// <summary>A message a consumer has already processed; its key makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public required Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public required DateTimeOffset ProcessedAt { get; init; }
}
