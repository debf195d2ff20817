using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>
/// Turns an event into due rows: one per published survey whose enabled trigger for the event applies to the branch
/// and whose sample takes the source. Runs inside the consumer's inbox transaction; the caller saves.
/// </summary>
internal static class TriggerScheduler
{
    public static async Task<int> ScheduleAsync(
        FeedbackDbContext db, TriggerEvent on, Guid sourceId, Guid? customerId, string branch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Nobody to invite: the invitation would reach no one, and consent cannot be checked.
        if (customerId is not { } customer || customer == Guid.Empty)
        {
            return 0;
        }

        // A business has few surveys, and triggers live in one jsonb column: matching them here beats querying the json.
        var candidates = await (
                from set in db.SurveyTriggers.AsNoTracking()
                join template in db.SurveyTemplates.AsNoTracking() on set.SurveyId equals template.Id
                where template.ArchivedAt == null && template.PublishedVersion > 0
                select new { set, template.Branches })
            .ToListAsync(cancellationToken);
        var reason = SurveyTrigger.ReasonFor(on);
        var scheduled = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.set.For(on, branch, candidate.Branches) is not { } trigger
                || !TriggerRules.IsSampled(candidate.set.SurveyId, sourceId, trigger.SamplingRate))
            {
                continue;
            }

            // The same source from another message (Customers republishing, say) is not a second schedule.
            var exists = await db.ScheduledInvitations.AnyAsync(
                row => row.SurveyId == candidate.set.SurveyId && row.Reason == reason && row.SourceId == sourceId, cancellationToken);
            if (exists)
            {
                continue;
            }

            db.ScheduledInvitations.Add(ScheduledInvitation.Schedule(candidate.set.TenantId, candidate.set.SurveyId, trigger, sourceId, customer, branch, now));
            scheduled++;
        }

        return scheduled;
    }
}
