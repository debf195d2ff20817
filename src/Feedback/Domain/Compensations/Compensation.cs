using System.Globalization;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain.Compensations;

/// <summary>
/// Compensation offered on a complaint. It is approved at once when the offering role's limit covers it; otherwise it
/// waits for a role whose limit does, or is declined.
/// </summary>
public sealed class Compensation : ITenantOwned
{
    public const int MaxReasonLength = 2000;
    public const int MaxPersonLength = 100;

    private Compensation()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid ComplaintId { get; private init; }
    public CompensationType Type { get; private init; }

    /// <summary>Money in <see cref="Currency"/>, or whole points when <see cref="Currency"/> is null (loyalty points).</summary>
    public decimal Amount { get; private init; }

    public string? Currency { get; private init; }

    /// <summary>Why it is offered; null once the customer is erased (it may say anything about them).</summary>
    public string? Reason { get; private init; }

    public string OfferedBy { get; private init; } = "";
    public string OfferedByRole { get; private init; } = "";
    public DateTimeOffset OfferedAt { get; private init; }
    public CompensationStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }

    /// <summary>The role whose limit covered it, once approved.</summary>
    public string? ApprovedByRole { get; private set; }

    /// <summary>Why it was declined; null once the customer is erased.</summary>
    public string? DeclineReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): two deciders racing cannot both decide it.</summary>
    public uint Version { get; private set; }

    public bool IsPoints => Type == CompensationType.LoyaltyPoints;

    /// <summary>
    /// Offers compensation on the case; approved at once when <paramref name="offeredWith"/> covers it.
    /// A closed case takes none (409 <c>complaint-closed</c>).
    /// </summary>
    /// <param name="currency">The business's currency for money (the caller has checked it); ignored for points.</param>
    public static Compensation Offer(
        Complaint complaint,
        CompensationType type,
        decimal amount,
        string currency,
        string reason,
        string offeredBy,
        CompensationAuthority offeredWith,
        DateTimeOffset now)
    {
        if (complaint.Status == ComplaintStatus.Closed)
        {
            throw new DomainException("complaint-closed", "A closed complaint takes no new compensation; reopen it first.", DomainErrorKind.Conflict);
        }

        if (amount <= 0 || (type == CompensationType.LoyaltyPoints && amount != decimal.Truncate(amount)))
        {
            throw new DomainException("invalid-compensation-amount", "Compensation is a positive amount, in whole points for loyalty points.");
        }

        if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(offeredBy))
        {
            throw new DomainException("empty-compensation-offer", "Compensation needs a reason and who offers it.");
        }

        var compensation = new Compensation
        {
            Id = Guid.CreateVersion7(now),
            TenantId = complaint.TenantId,
            ComplaintId = complaint.Id,
            Type = type,
            Amount = amount,
            Currency = type == CompensationType.LoyaltyPoints ? null : currency,
            Reason = reason.Trim(),
            OfferedBy = offeredBy.Trim(),
            OfferedByRole = offeredWith.Role,
            OfferedAt = now,
            Status = CompensationStatus.Pending,
        };
        if (offeredWith.Limits.Covers(type, amount))
        {
            compensation.MarkApproved(offeredBy, offeredWith, now);
        }

        return compensation;
    }

    /// <summary>
    /// Approves pending compensation; 409 <c>compensation-not-pending</c> once decided, 422
    /// <c>compensation-above-authority-limit</c> when the approving role's limit does not cover it.
    /// </summary>
    public void Approve(string approvedBy, CompensationAuthority approvedWith, DateTimeOffset now)
    {
        EnsurePending();
        if (!approvedWith.Limits.Covers(Type, Amount))
        {
            throw new DomainException(
                "compensation-above-authority-limit",
                $"The {approvedWith.Role} role may approve {WireName(Type)} up to {Describe(Type, approvedWith.Limits.For(Type), approvedWith.Currency)}; "
                + $"this compensation is {Describe(Type, Amount, Currency)}.");
        }

        MarkApproved(approvedBy, approvedWith, now);
    }

    /// <summary>Declines pending compensation; 409 <c>compensation-not-pending</c> once decided.</summary>
    public void Decline(string declinedBy, string reason, DateTimeOffset now)
    {
        EnsurePending();
        if (string.IsNullOrWhiteSpace(declinedBy) || string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("empty-compensation-decision", "Declining needs who declines and why.");
        }

        Status = CompensationStatus.Declined;
        DecidedBy = declinedBy.Trim();
        DeclineReason = reason.Trim();
        DecidedAt = now;
    }

    private void MarkApproved(string approvedBy, CompensationAuthority approvedWith, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(approvedBy))
        {
            throw new DomainException("empty-compensation-decision", "Approving needs who approves.");
        }

        Status = CompensationStatus.Approved;
        DecidedBy = approvedBy.Trim();
        ApprovedByRole = approvedWith.Role;
        DecidedAt = now;
    }

    private void EnsurePending()
    {
        if (Status != CompensationStatus.Pending)
        {
            throw new DomainException("compensation-not-pending", $"This compensation is already {WireName(Status)}.", DomainErrorKind.Conflict);
        }
    }

    private static string Describe(CompensationType type, decimal amount, string? currency) =>
        type == CompensationType.LoyaltyPoints
            ? $"{amount.ToString("0", CultureInfo.InvariantCulture)} points"
            : $"{amount.ToString("0.00##", CultureInfo.InvariantCulture)} {currency}";

    private static string WireName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
