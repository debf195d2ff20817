using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.ServiceVisits;

/// <summary>Records a service visit: a branch's staff serving the customer.</summary>
/// <param name="Branch">Code of the branch where the customer was served.</param>
/// <param name="StaffMember">Who served the customer.</param>
/// <param name="Service">What was done.</param>
/// <param name="Notes">Anything else worth keeping; not published in events.</param>
/// <param name="OccurredAt">When it happened (UTC); now when omitted.</param>
/// <param name="DurationMinutes">How long it took, 1 to 1440 minutes.</param>
public sealed record RecordServiceVisitRequest(
    [property: Required, StringLength(50, MinimumLength = 1)] string Branch,
    [property: Required, StringLength(200, MinimumLength = 1)] string StaffMember,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Service,
    [property: StringLength(4000)] string? Notes = null,
    DateTimeOffset? OccurredAt = null,
    [property: Range(1, ServiceVisit.MaxDurationMinutes)] int? DurationMinutes = null);

public static class RecordServiceVisit
{
    public static RouteHandlerBuilder MapRecordServiceVisit(this RouteGroupBuilder group) =>
        group.MapPost("/{customerId:guid}/visits", HandleAsync).WithName("RecordServiceVisit").WithIdempotency<CustomersDbContext>();

    public static async Task<Results<Created<ServiceVisitResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId,
        RecordServiceVisitRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!tenant.MayActFor(request.Branch))
        {
            return Problems.OtherBranch(request.Branch);
        }

        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(customer => customer.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", customerId);
        }

        var now = clock.GetUtcNow();
        var visit = ServiceVisit.Record(
            customer, request.Branch, request.StaffMember, request.Service, request.Notes, request.OccurredAt, request.DurationMinutes, now);
        db.ServiceVisits.Add(visit);
        db.EnqueueEvent(new ServiceVisitRecorded
        {
            TenantId = visit.TenantId,
            VisitId = visit.Id,
            CustomerId = visit.CustomerId,
            Branch = visit.Branch,
            StaffMember = visit.StaffMember,
            Service = visit.Service,
            DurationMinutes = visit.DurationMinutes,
            OccurredAt = visit.OccurredAt,
        }, now);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/v1/customers/{customerId}/visits/{visit.Id}", ServiceVisitResponse.From(visit));
    }
}
