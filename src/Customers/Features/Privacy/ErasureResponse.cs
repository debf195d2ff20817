using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.Privacy;

/// <summary>Where an erasure stands: pending until every service has completed its part.</summary>
public enum ErasureStatus
{
    Pending,
    Completed,
}

/// <summary>A customer's erasure request and each service's part in it.</summary>
/// <param name="Id">The erasure request's id (also on the events).</param>
/// <param name="CustomerId">The customer being erased.</param>
/// <param name="Status"><c>completed</c> once every service has completed, else <c>pending</c>.</param>
/// <param name="RequestedAt">When the business asked.</param>
/// <param name="CompletedAt">When the last service completed.</param>
/// <param name="Services">Each service's part: customers, feedback, loyalty, standards.</param>
public sealed record ErasureResponse(
    Guid Id,
    Guid CustomerId,
    ErasureStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<ErasureServiceResponse> Services)
{
    public static ErasureResponse From(ErasureRequest request) => new(
        request.Id,
        request.CustomerId,
        request.CompletedAt is null ? ErasureStatus.Pending : ErasureStatus.Completed,
        request.RequestedAt,
        request.CompletedAt,
        [.. ErasureRequest.Services.Select(service =>
        {
            var completedAt = request.ServiceCompletions.GetValueOrDefault(service);
            return new ErasureServiceResponse(service, completedAt is null ? ErasureStatus.Pending : ErasureStatus.Completed, completedAt);
        })]);
}

/// <summary>One service's part in an erasure.</summary>
/// <param name="Service">The service's short name.</param>
/// <param name="Status"><c>pending</c> or <c>completed</c>.</param>
/// <param name="CompletedAt">When the service reported its part done.</param>
public sealed record ErasureServiceResponse(string Service, ErasureStatus Status, DateTimeOffset? CompletedAt);
