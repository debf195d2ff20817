using CustomerPlatform.Standards.Domain.Policies;

namespace CustomerPlatform.Standards.Features.Acknowledgements;

/// <summary>How many of a branch's acknowledgement tasks there are and how many are acknowledged.</summary>
public sealed record BranchAcknowledgementCount(string Branch, int Requested, int Acknowledged);

/// <summary>
/// The one way acknowledgement tasks are counted per branch (by each staff member's branch when asked): for a
/// version's rates and for the policy acknowledgement rate standard.
/// </summary>
public static class AcknowledgementCounts
{
    /// <param name="acknowledgedBefore">Counts as acknowledged only what was by then; null for everything so far.</param>
    /// <returns>Ordered by branch (in the database: a constructor projection cannot be ordered after it).</returns>
    public static IQueryable<BranchAcknowledgementCount> ByBranch(IQueryable<PolicyAcknowledgement> tasks, DateTimeOffset? acknowledgedBefore = null) =>
        tasks
            .GroupBy(task => task.Branch)
            .OrderBy(group => group.Key)
            .Select(group => new BranchAcknowledgementCount(
                group.Key,
                group.Count(),
                group.Count(task => task.AcknowledgedAt != null && (acknowledgedBefore == null || task.AcknowledgedAt < acknowledgedBefore))));
}
