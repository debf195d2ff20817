using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.ComplaintTargets;

/// <summary>
/// Makes the targets Standards publishes the business's next version of complaint targets, so cases opened from now
/// on are due by the standards (and name their versions), while cases already open keep what they pinned.
/// </summary>
public sealed class ComplaintTargetsPublishedConsumer(FeedbackDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<ComplaintTargetsPublished, FeedbackDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "feedback.complaint-targets-from-standards";

    protected override async Task HandleAsync(ComplaintTargetsPublished message, CancellationToken cancellationToken)
    {
        // Each publication carries the whole set, so an older one arriving late has nothing to add.
        var applied = await Db.ComplaintTargets.MaxAsync(set => set.StandardsSequence, cancellationToken);
        if (applied >= message.Sequence)
        {
            return;
        }

        var current = await ComplaintTargetsEndpoints.CurrentAsync(Db, message.TenantId, cancellationToken);
        var baseline = await Db.ComplaintTargets.AsNoTracking()
                           .Where(set => set.Source == ComplaintTargetSource.BusinessDefault)
                           .OrderByDescending(set => set.Version)
                           .FirstOrDefaultAsync(cancellationToken)
                       ?? ComplaintTargetSet.PlatformDefault(message.TenantId);
        // A version racing in (a PUT, another publication) takes the same key: this save fails and the message is retried.
        Db.ComplaintTargets.Add(ComplaintTargetSet.SetByStandards(current, baseline, Read(message.Targets), message.Sequence, Clock.GetUtcNow()));
    }

    private static List<StandardComplaintTarget> Read(IReadOnlyList<PublishedComplaintTarget> targets)
    {
        var read = new List<StandardComplaintTarget>();
        foreach (var target in targets)
        {
            // Rows of a kind or severity this build does not know are additions to the contract it cannot apply yet.
            if (!Enum.TryParse<ComplaintClockKind>(target.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
                || !TryReadSeverity(target.Severity, out var severity)
                || target.WithinMinutes is < 1 or > ComplaintTarget.MaxMinutes)
            {
                continue;
            }

            read.Add(new StandardComplaintTarget(kind, severity, target.WithinMinutes, new StandardReference(target.StandardId, target.StandardVersion)));
        }

        return read;
    }

    private static bool TryReadSeverity(string? text, out ComplaintSeverity? severity)
    {
        severity = null;
        if (text is null)
        {
            return true;
        }

        if (Enum.TryParse<ComplaintSeverity>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            severity = parsed;
            return true;
        }

        return false;
    }
}
