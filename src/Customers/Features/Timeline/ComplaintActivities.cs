using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using MassTransit;

namespace CustomerPlatform.Customers.Features.Timeline;

/// <summary>A step of a complaint case (received, acknowledged, ..., escalated) on the complainant's timeline.</summary>
public sealed class ComplaintActivityConsumer<TEvent>(CustomersDbContext db, TenantContext tenant, TimeProvider clock)
    : ActivityConsumer<TEvent>(db, tenant, clock)
    where TEvent : class, IComplaintEvent
{
    /// <summary>The activity type: the event's name in camelCase ("complaintReceived").</summary>
    public static readonly string Type = WireNames.Of(typeof(TEvent).Name);

    protected override string ConsumerName => "customers.timeline-" + JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(TEvent).Name);

    protected override CustomerActivity? ToActivity(TEvent message, DateTimeOffset now) =>
        message.CustomerId is { } customerId
            ? CustomerActivity.From(message.TenantId, customerId, Type, StepId(message), message.Branch, message.OccurredAt,
                DetailsOf(new { message.ComplaintId, message.Category, message.Severity, message.Status }), now)
            : null;

    // A case can pass a status more than once (reopened twice), so the fact is the step, not the case: named by the case,
    // the step and its time, which every delivery of one event shares.
    private static Guid StepId(TEvent message) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{message.ComplaintId:N}|{Type}|{message.OccurredAt.UtcTicks}")).AsSpan(0, 16));
}

/// <summary>The timeline's consumers of complaint events, one queue per event type.</summary>
public static class ComplaintActivities
{
    /// <summary>The queues, as <see cref="AddConsumers"/> names them.</summary>
    public static readonly IReadOnlyList<string> Queues =
    [
        QueueOf<ComplaintReceived>(), QueueOf<ComplaintAcknowledged>(), QueueOf<ComplaintInvestigationStarted>(), QueueOf<ComplaintResolved>(),
        QueueOf<ComplaintClosed>(), QueueOf<ComplaintReopened>(), QueueOf<ComplaintEscalated>(),
    ];

    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        Add<ComplaintReceived>(bus);
        Add<ComplaintAcknowledged>(bus);
        Add<ComplaintInvestigationStarted>(bus);
        Add<ComplaintResolved>(bus);
        Add<ComplaintClosed>(bus);
        Add<ComplaintReopened>(bus);
        Add<ComplaintEscalated>(bus);
    }

    // Named here: the endpoint name formatter does not make a readable, distinct name of a generic consumer's type.
    private static void Add<TEvent>(IBusRegistrationConfigurator bus)
        where TEvent : class, IComplaintEvent =>
        bus.AddConsumer<ComplaintActivityConsumer<TEvent>>().Endpoint(endpoint => endpoint.Name = QueueOf<TEvent>());

    private static string QueueOf<TEvent>() => $"customers-{JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(TEvent).Name)}-activity";
}
