using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Features.Invitations;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>
/// Sends one due row, in a scope of its own: claims it (<c>FOR UPDATE SKIP LOCKED</c>, across tenants), acts for its
/// tenant, checks again what may have changed since it was scheduled, then makes the invitation or records why not.
/// The claim, the invitation, its event and the row's new state commit together: a stop mid-way rolls all of it back
/// and the row is simply due again, so it is never lost nor sent twice.
/// </summary>
public sealed class ScheduledInvitationSender(FeedbackDbContext db, TenantContext tenant, SurveyInvitations invitations, TimeProvider clock)
{
    /// <summary>The row the last call claimed, so a failure can be put off rather than block the rows behind it.</summary>
    public Guid? ClaimedId { get; private set; }

    /// <summary>
    /// Puts a row that failed back by <paramref name="delay"/>: the claim takes the oldest due row first, so a row that
    /// fails every time would otherwise stop every row due after it.
    /// </summary>
    public async Task DeferAsync(Guid id, TimeSpan delay, CancellationToken cancellationToken)
    {
        var dueAt = clock.GetUtcNow() + delay;
        await db.Database.ExecuteSqlAsync(
            $"UPDATE scheduled_invitations SET due_at = {dueAt} WHERE id = {id} AND state = 'Pending'", cancellationToken);
    }

    /// <summary>Handles the next due row; false when none is due (or every due one is held by another replica).</summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.ScheduledInvitations.FromSql(
                    $"""
                    SELECT *, xmin FROM scheduled_invitations
                    WHERE state = 'Pending' AND due_at <= {now}
                    ORDER BY due_at, id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreQueryFilters()
                .ToListAsync(cancellationToken);
            if (claimed is not [var row])
            {
                return false;
            }

            ClaimedId = row.Id;
            tenant.Set(row.TenantId);
            var skipped = await DecideAsync(row, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (skipped is { } reason)
            {
                FeedbackTelemetry.SchedulesSkipped.Add(1, new KeyValuePair<string, object?>("reason", WireNames.Of(reason)));
            }
            else
            {
                FeedbackTelemetry.InvitationsCreated.Add(1, new KeyValuePair<string, object?>("reason", WireNames.Of(row.Reason)));
            }

            return true;
        });

    private async Task<SkipReason?> DecideAsync(ScheduledInvitation row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (skip, channel) = await CheckAsync(row, now, cancellationToken);
        if (skip is null)
        {
            try
            {
                var invitation = await invitations.CreateAsync(
                    new InvitationRequest(row.SurveyId, row.CustomerId, row.Branch, channel, Language: null, row.Reason, row.SourceId, SurveyInvitation.DefaultLifetime),
                    now,
                    cancellationToken);
                if (invitation is not null)
                {
                    row.MarkSent(invitation.Id, now);
                    return null;
                }

                skip = SkipReason.SurveyClosed;
            }
            catch (DomainException exception)
            {
                // The survey changed since the row was scheduled: archived, or republished for other branches.
                skip = exception.Code == "survey-not-for-branch" ? SkipReason.NotForBranch : SkipReason.SurveyClosed;
            }
        }

        row.Skip(skip.Value, now);
        return skip;
    }

    private async Task<(SkipReason? Skip, InvitationChannel Channel)> CheckAsync(ScheduledInvitation row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.SurveyTemplates.AnyAsync(
            template => template.Id == row.SurveyId && template.ArchivedAt == null && template.PublishedVersion > 0, cancellationToken);
        if (!open)
        {
            return (SkipReason.SurveyClosed, default);
        }

        // Checked at due time, not when scheduled: an invitation made meanwhile (any survey) counts.
        if (row.QuietPeriodDays > 0)
        {
            var since = now.AddDays(-row.QuietPeriodDays);
            var recentlyInvited = await db.SurveyInvitations.AnyAsync(
                invitation => invitation.CustomerId == row.CustomerId && invitation.CreatedAt > since, cancellationToken);
            if (recentlyInvited)
            {
                return (SkipReason.QuietPeriod, default);
            }
        }

        var granted = await db.CustomerConsents.AsNoTracking()
            .Where(consent => consent.CustomerId == row.CustomerId && consent.Granted)
            .Select(consent => consent.Channel)
            .ToListAsync(cancellationToken);
        var consented = granted
            .Select(name => Enum.TryParse<InvitationChannel>(name, ignoreCase: true, out var parsed) ? parsed : (InvitationChannel?)null)
            .OfType<InvitationChannel>()
            .ToHashSet();
        return TriggerRules.ChooseChannel(row.Channels, consented) is { } channel ? (null, channel) : (SkipReason.NoConsent, default);
    }
}
