using System.Diagnostics;
using System.Text.Json;
using CustomerPlatform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Messaging.Outbox;

/// <summary>How handlers publish: they enqueue, and the relay publishes after the transaction commits.</summary>
public static class OutboxExtensions
{
    /// <summary>The payload format: the same camelCase JSON the broker carries.</summary>
    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds <paramref name="integrationEvent"/> to the outbox; it is saved by the same <c>SaveChanges</c>
    /// as the state change, so the event exists exactly when the change does.
    /// </summary>
    public static void EnqueueEvent<TEvent>(this DbContext db, TEvent integrationEvent, DateTimeOffset now)
        where TEvent : class, IIntegrationEvent
    {
        var activity = Activity.Current;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            TenantId = integrationEvent.TenantId,
            MessageType = ContractRegistry.UrnOf(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(integrationEvent, PayloadJson),
            TraceParent = activity?.Id is { } id && activity.IdFormat == ActivityIdFormat.W3C ? id : null,
            TraceState = activity?.TraceStateString,
            CreatedAt = now,
        });
    }
}
