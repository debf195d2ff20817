using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain;

/// <summary>A customer's rating (the 0-10 "would you recommend us" question) with an optional comment.</summary>
public sealed class FeedbackItem : ITenantOwned
{
    public const int MinRating = 0;
    public const int MaxRating = 10;
    public const int MaxCommentLength = 4000;

    private FeedbackItem()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid? CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public int Rating { get; private init; }
    public string? Comment { get; private init; }
    public DateTimeOffset ReceivedAt { get; private init; }

    public static FeedbackItem Record(Guid tenantId, Guid? customerId, string branch, int rating, string? comment, DateTimeOffset now)
    {
        if (rating is < MinRating or > MaxRating)
        {
            throw new DomainException("invalid-rating", $"A rating is from {MinRating} to {MaxRating}.");
        }

        return new FeedbackItem
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CustomerId = customerId,
            Branch = branch.Trim(),
            Rating = rating,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            ReceivedAt = now,
        };
    }
}
