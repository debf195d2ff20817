using CustomerPlatform.Standards.Domain.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>Turns reviews into responses with their suggestions and communication, in two queries whatever the page size.</summary>
internal static class ReviewReader
{
    public static async Task<List<ReviewResponse>> ReadAsync(
        StandardsDbContext db, IReadOnlyList<ReviewAction> reviews, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (reviews.Count == 0)
        {
            return [];
        }

        var branches = reviews.Select(review => review.Branch).Distinct().ToList();
        var from = Instant(reviews.Min(review => review.PeriodStart));
        var to = Instant(reviews.Max(review => review.PeriodEnd));
        var suggestions = await db.StaffSuggestions.AsNoTracking()
            .Where(suggestion => branches.Contains(suggestion.Branch) && suggestion.OccurredAt >= from && suggestion.OccurredAt < to)
            .OrderBy(suggestion => suggestion.OccurredAt).ThenBy(suggestion => suggestion.FeedbackId)
            .ToListAsync(cancellationToken);

        var policyIds = reviews.Where(review => review.OutcomeKind == ReviewOutcomeKind.PolicyVersion)
            .Select(review => review.OutcomePolicyId!.Value).Distinct().ToList();
        var tasks = policyIds.Count == 0
            ? []
            : await db.PolicyAcknowledgements.AsNoTracking()
                .Where(task => policyIds.Contains(task.PolicyId) && branches.Contains(task.Branch))
                .GroupBy(task => new { task.PolicyId, task.PolicyVersion, task.Branch })
                .Select(group => new TaskCount(group.Key.PolicyId, group.Key.PolicyVersion, group.Key.Branch, group.Count(), group.Count(task => task.AcknowledgedAt != null)))
                .ToListAsync(cancellationToken);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return [.. reviews.Select(review => new ReviewResponse(
            review.Id,
            review.Status,
            review.PeriodId,
            review.PeriodStart,
            review.PeriodEnd,
            review.StandardId,
            review.StandardVersion,
            review.Metric,
            review.Branch,
            review.Actual,
            review.Target,
            review.BreachedComplaintIds,
            review.Owner,
            review.DueOn,
            review.IsOverdueOn(today),
            review.Notes,
            [.. suggestions
                .Where(suggestion => suggestion.Branch == review.Branch
                    && suggestion.OccurredAt >= Instant(review.PeriodStart) && suggestion.OccurredAt < Instant(review.PeriodEnd))
                .Select(suggestion => new ReviewSuggestionResponse(suggestion.FeedbackId, suggestion.OccurredAt, suggestion.Tags))],
            review.OutcomeKind is { } kind
                ? new ReviewOutcomeResponse(
                    kind, review.OutcomePolicyId, review.OutcomePolicyVersion, review.OutcomeStandardId, review.OutcomeStandardVersion, review.OutcomeReason,
                    review.OutcomeRecordedAt!.Value)
                : null,
            Communication(review, tasks)))];
    }

    private static ReviewCommunicationResponse? Communication(ReviewAction review, List<TaskCount> tasks)
    {
        switch (review.OutcomeKind)
        {
            case ReviewOutcomeKind.PolicyVersion:
                var count = tasks.FirstOrDefault(task =>
                    task.PolicyId == review.OutcomePolicyId && task.PolicyVersion == review.OutcomePolicyVersion && task.Branch == review.Branch);
                return new ReviewCommunicationResponse(count?.Requested ?? 0, count?.Acknowledged ?? 0, review.CommunicatedAt);
            case ReviewOutcomeKind.StandardChange:
                return new ReviewCommunicationResponse(0, 0, review.CommunicatedAt);
            default:
                return null;
        }
    }

    // Period days are UTC days (ServicePeriodClosed).
    private static DateTimeOffset Instant(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private sealed record TaskCount(Guid PolicyId, int PolicyVersion, string Branch, int Requested, int Acknowledged);
}
