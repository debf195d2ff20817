using System.Text.Json;
using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Messaging.Branches;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Complaints;
using CustomerPlatform.Standards.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.ComplaintClocks;

/// <summary>Keeps a complaint's clock and its deadlines from one kind of complaint event.</summary>
public sealed class ComplaintClockConsumer<TEvent>(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<TEvent, StandardsDbContext>(db, tenant, clock)
    where TEvent : class, IComplaintEvent
{
    protected override string ConsumerName => "standards.complaint-clock-" + JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(TEvent).Name);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var complaint = await LockAsync(message, now, cancellationToken);
        complaint.Describe(message.Branch, message.Severity, now);
        var calendar = await BranchDirectory.CalendarOfAsync(Db, complaint.Branch, cancellationToken) ?? BusinessCalendar.AlwaysOpen;
        var deadlines = await Db.ComplaintDeadlines.Where(deadline => deadline.ComplaintId == complaint.ComplaintId).ToListAsync(cancellationToken);
        var at = message.OccurredAt;
        var paused = TimeSpan.Zero;
        switch (message)
        {
            case ComplaintReceived:
                if (complaint.Receive(at))
                {
                    deadlines.AddRange(await ComplaintDeadlines.OpenAsync(Db, complaint, calendar, reopened: false, cancellationToken));
                }

                break;
            case ComplaintAcknowledged or ComplaintInvestigationStarted or ComplaintEscalated:
                complaint.Acknowledge(at);
                break;
            case ComplaintResolved or ComplaintClosed:
                paused = complaint.Resolve(at, calendar);
                break;
            case ComplaintReopened:
                complaint.Acknowledge(at);
                if (complaint.Reopen(at))
                {
                    deadlines.AddRange(await ComplaintDeadlines.OpenAsync(Db, complaint, calendar, reopened: true, cancellationToken));
                }

                break;
            case ComplaintWaitingOnCustomer:
                complaint.StartWaiting(at, calendar);
                break;
            case ComplaintResumed resumed:
                paused = complaint.Resume(resumed.WaitedSince, at, calendar);
                break;
        }

        ComplaintDeadlines.Settle(Db, complaint, deadlines, paused, calendar, now);
    }

    // The complaint's events travel on separate queues and may be handled at the same moment: each takes the clock's
    // row lock first (creating the row if there is none), so they apply one after the other instead of racing.
    private async Task<ComplaintClock> LockAsync(TEvent message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO complaint_clocks (tenant_id, complaint_id, branch, paused_before_first_resolution, updated_at)
            VALUES ({message.TenantId}, {message.ComplaintId}, {message.Branch}, {TimeSpan.Zero}, {now})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        var locked = await Db.ComplaintClocks
            .FromSql($"SELECT * FROM complaint_clocks WHERE tenant_id = {message.TenantId} AND complaint_id = {message.ComplaintId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.Single();
    }
}

/// <summary>The complaint clock consumers, one queue per complaint event type.</summary>
public static class ComplaintClocks
{
    /// <summary>The queues, as <see cref="AddConsumers"/> names them.</summary>
    public static readonly IReadOnlyList<string> Queues =
    [
        QueueOf<ComplaintReceived>(), QueueOf<ComplaintAcknowledged>(), QueueOf<ComplaintInvestigationStarted>(), QueueOf<ComplaintEscalated>(),
        QueueOf<ComplaintResolved>(), QueueOf<ComplaintClosed>(), QueueOf<ComplaintReopened>(), QueueOf<ComplaintWaitingOnCustomer>(),
        QueueOf<ComplaintResumed>(),
    ];

    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        Add<ComplaintReceived>(bus);
        Add<ComplaintAcknowledged>(bus);
        Add<ComplaintInvestigationStarted>(bus);
        Add<ComplaintEscalated>(bus);
        Add<ComplaintResolved>(bus);
        Add<ComplaintClosed>(bus);
        Add<ComplaintReopened>(bus);
        Add<ComplaintWaitingOnCustomer>(bus);
        Add<ComplaintResumed>(bus);
    }

    // Named here: the endpoint name formatter does not make a readable, distinct name of a generic consumer's type.
    private static void Add<TEvent>(IBusRegistrationConfigurator bus)
        where TEvent : class, IComplaintEvent =>
        bus.AddConsumer<ComplaintClockConsumer<TEvent>>().Endpoint(endpoint => endpoint.Name = QueueOf<TEvent>());

    private static string QueueOf<TEvent>() => $"standards-{JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(TEvent).Name)}-clock";
}
