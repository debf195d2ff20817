using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.ServiceVisits;

/// <summary>A recorded service visit.</summary>
public sealed record ServiceVisitResponse(
    Guid Id,
    Guid CustomerId,
    string Branch,
    string StaffMember,
    string Service,
    string? Notes,
    int? DurationMinutes,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt)
{
    public static ServiceVisitResponse From(ServiceVisit visit) =>
        new(visit.Id, visit.CustomerId, visit.Branch, visit.StaffMember, visit.Service, visit.Notes, visit.DurationMinutes, visit.OccurredAt, visit.RecordedAt);
}
