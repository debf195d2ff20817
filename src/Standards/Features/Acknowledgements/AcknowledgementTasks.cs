using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Acknowledgements;

/// <summary>Acknowledgement tasks for staff who join a branch after a policy was published there.</summary>
internal static class AcknowledgementTasks
{
    /// <summary>
    /// Asks an active staff member to acknowledge every version in force for their branch that they have not been
    /// asked about yet, so someone hired (or moved) after a publication is held to the same policies.
    /// </summary>
    public static async Task RequestMissingAsync(StandardsDbContext db, StaffMember staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!staff.Active)
        {
            return;
        }

        var inForce = await db.PolicyVersions.AsNoTracking()
            .Where(version => version.Status == PolicyVersionStatus.Published
                && (version.Branches.Count == 0 || version.Branches.Contains(staff.Branch))
                && !db.PolicyAcknowledgements.Any(task =>
                    task.StaffId == staff.Id && task.PolicyId == version.PolicyId && task.PolicyVersion == version.Number))
            .ToListAsync(cancellationToken);
        db.PolicyAcknowledgements.AddRange(inForce.Select(version => PolicyAcknowledgement.Request(version, staff, now)));
    }
}
