using System.Diagnostics;
using System.Text.Json;
using CustomerPlatform.Contracts;

namespace CustomerPlatform.Messaging.Outbox;

/// <summary>
/// Outbox rows built outside a DbContext, for bulk writers (binary COPY) that cannot go through
/// <see cref="OutboxExtensions.EnqueueEvent{TEvent}"/>: the same id scheme, urn and payload serializer.
/// The writer must nudge <see cref="OutboxSignal"/> after its transaction commits.
/// </summary>
public static class OutboxRows
{
    public static OutboxMessage For<TEvent>(TEvent integrationEvent, DateTimeOffset now)
        where TEvent : class, IIntegrationEvent
    {
        var activity = Activity.Current;
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            TenantId = integrationEvent.TenantId,
            MessageType = ContractRegistry.UrnOf(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(integrationEvent, OutboxExtensions.PayloadJson),
            TraceParent = activity?.Id is { } id && activity.IdFormat == ActivityIdFormat.W3C ? id : null,
            TraceState = activity?.TraceStateString,
            CreatedAt = now,
        };
    }
}
