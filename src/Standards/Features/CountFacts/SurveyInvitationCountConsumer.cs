using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;

namespace CustomerPlatform.Standards.Features.CountFacts;

/// <summary>Counts each survey invitation in its branch's day: the denominator of the survey response rate.</summary>
public sealed class SurveyInvitationCountConsumer(StandardsDbContext db, TenantContext tenant, TimeProvider clock)
    : InboxConsumer<SurveyInvitationCreated, StandardsDbContext>(db, tenant, clock)
{
    protected override string ConsumerName => "standards.count-survey-invitations";

    protected override async Task HandleAsync(SurveyInvitationCreated message, CancellationToken cancellationToken)
    {
        var counted = BranchDayCounts.Start(message.TenantId, message.Branch, message.OccurredAt);
        counted.CountSurveyInvitation();
        await BranchDayCountsUpsert.AddAsync(Db, counted, cancellationToken);
    }
}
