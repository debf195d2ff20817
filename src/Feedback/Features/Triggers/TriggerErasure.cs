using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>
/// An erased customer is invited no more: their due rows are skipped, their open links withdrawn (they show the expired
/// page), and the consent kept for them is dropped. Part of the erasure consumer's transaction; the caller saves.
/// </summary>
internal static class TriggerErasure
{
    public static async Task EraseAsync(FeedbackDbContext db, Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await db.ScheduledInvitations
            .Where(row => row.CustomerId == customerId && row.State == ScheduleState.Pending)
            .ToListAsync(cancellationToken);
        foreach (var row in due)
        {
            row.Skip(SkipReason.Erased, now);
        }

        var open = await db.SurveyInvitations
            .Where(invitation => invitation.CustomerId == customerId && invitation.RespondedAt == null && invitation.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        foreach (var invitation in open)
        {
            invitation.Withdraw(now);
        }

        await db.CustomerConsents.Where(consent => consent.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
    }
}
