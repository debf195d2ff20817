using CustomerPlatform.Feedback.Domain.Compensations;

namespace CustomerPlatform.Feedback.Features.Compensations;

/// <summary>Compensation offered on a complaint and its decision.</summary>
/// <param name="Amount">Money, with <paramref name="Currency"/>; absent for loyalty points.</param>
/// <param name="Points">Whole points, for loyaltyPoints only.</param>
/// <param name="Reason">Why it was offered; absent once the customer is erased.</param>
/// <param name="DecidedBy">Who approved or declined it (the offerer, when approved at once).</param>
/// <param name="ApprovedByRole">The role whose limit covered it, once approved.</param>
/// <param name="DeclineReason">Why it was declined; absent once the customer is erased.</param>
public sealed record CompensationResponse(
    Guid Id,
    Guid ComplaintId,
    CompensationType Type,
    CompensationStatus Status,
    decimal? Amount,
    string? Currency,
    long? Points,
    string? Reason,
    string OfferedBy,
    string OfferedByRole,
    DateTimeOffset OfferedAt,
    string? DecidedBy,
    string? ApprovedByRole,
    string? DeclineReason,
    DateTimeOffset? DecidedAt)
{
    public static CompensationResponse From(Compensation compensation) => new(
        compensation.Id,
        compensation.ComplaintId,
        compensation.Type,
        compensation.Status,
        compensation.IsPoints ? null : compensation.Amount,
        compensation.Currency,
        compensation.IsPoints ? (long)compensation.Amount : null,
        compensation.Reason,
        compensation.OfferedBy,
        compensation.OfferedByRole,
        compensation.OfferedAt,
        compensation.DecidedBy,
        compensation.ApprovedByRole,
        compensation.DeclineReason,
        compensation.DecidedAt);
}
