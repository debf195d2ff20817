using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Domain.Reviews;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>
/// When a policy version a review led to has reached a branch: every acknowledgement task of that version for the
/// branch is acknowledged (a version that asked nobody there has reached it at once). The one rule, used when the
/// outcome is recorded and when an acknowledgement comes in.
/// </summary>
internal static class ReviewCommunication
{
    /// <summary>Whether every acknowledgement task of the version in the branch is acknowledged (true when it has none there).</summary>
    public static async Task<bool> AllAcknowledgedAsync(
        StandardsDbContext db, Guid policyId, int version, string branch, CancellationToken cancellationToken) =>
        !await db.PolicyAcknowledgements.AnyAsync(
            task => task.PolicyId == policyId && task.PolicyVersion == version && task.Branch == branch && task.AcknowledgedAt == null,
            cancellationToken);

    /// <summary>
    /// Marks communicated the reviews waiting on this version in the task's branch once its last acknowledgement is in.
    /// Call after the acknowledgement is saved: of two staff acknowledging at once, the one saved last then sees both,
    /// where checking inside each save would let both see the other as outstanding. One statement, so the two cannot
    /// both mark the same review (the second finds it no longer waiting).
    /// </summary>
    public static async Task OnAcknowledgedAsync(StandardsDbContext db, PolicyAcknowledgement task, DateTimeOffset now, CancellationToken cancellationToken) =>
        // ReviewAction.MarkCommunicated in SQL, for the reviews waiting on this version in this branch.
        await db.ReviewActions
            .Where(review => review.Status == ReviewStatus.Changed && review.OutcomePolicyId == task.PolicyId
                && review.OutcomePolicyVersion == task.PolicyVersion && review.Branch == task.Branch
                && !db.PolicyAcknowledgements.Any(other => other.PolicyId == task.PolicyId && other.PolicyVersion == task.PolicyVersion
                    && other.Branch == task.Branch && other.AcknowledgedAt == null))
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(review => review.Status, ReviewStatus.Communicated)
                    .SetProperty(review => review.CommunicatedAt, now)
                    .SetProperty(review => review.UpdatedAt, now),
                cancellationToken);
}
