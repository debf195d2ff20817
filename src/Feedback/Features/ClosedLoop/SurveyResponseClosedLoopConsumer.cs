using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Inbox;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.ClosedLoop;

/// <summary>
/// Closes the loop on every survey response, entered, imported or answered on the public page: an answer to a
/// complaint's follow-up survey records on the case whether the customer recovered; any other response with a score
/// at or below the settings in force opens a complaint. Feedback consumes its own event, like the triggers, so
/// recording a response stays one small transaction whatever the loop does.
/// </summary>
public sealed class SurveyResponseClosedLoopConsumer(
    FeedbackDbContext db, TenantContext tenant, TimeProvider clock, ILogger<SurveyResponseClosedLoopConsumer> logger)
    : InboxConsumer<FeedbackReceived, FeedbackDbContext>(db, tenant, clock)
{
    /// <summary>How recent a response's answer must be for a poor score to open a case.</summary>
    public static readonly TimeSpan MaxResponseAge = TimeSpan.FromDays(7);

    protected override string ConsumerName => "feedback.close-the-loop";

    protected override async Task HandleAsync(FeedbackReceived message, CancellationToken cancellationToken)
    {
        if (message.Source != "survey" || message.ResponseId is not { } responseId || message.SurveyId is not { } surveyId)
        {
            return;
        }

        var invitation = await Db.SurveyInvitations.AsNoTracking()
            .Where(candidate => candidate.ResponseId == responseId)
            .Select(candidate => new { candidate.Reason, candidate.SourceId })
            .FirstOrDefaultAsync(cancellationToken);
        // A follow-up answer speaks to the case it follows up; however poor, it never opens another.
        if (invitation?.Reason == InvitationReason.ComplaintFollowUp)
        {
            await RecordRecoveryAsync(invitation.SourceId, responseId, message, cancellationToken);
            return;
        }

        // A score given weeks ago (an import of old cards, a late-typed paper stack) is history, not a customer waiting
        // to hear back: it counts in the reports but opens no case.
        if (Clock.GetUtcNow() - message.OccurredAt > MaxResponseAge)
        {
            return;
        }

        var setting = await ClosedLoopSettingsEndpoints.InForceAsync(Db, surveyId, cancellationToken);
        if (setting is null || !setting.Opens(message.Nps, message.Csat))
        {
            return;
        }

        // The inbox stops a redelivered message; this stops the same response arriving in another message.
        if (await Db.Complaints.AnyAsync(complaint => complaint.SourceResponseId == responseId, cancellationToken))
        {
            return;
        }

        var response = await Db.SurveyResponses.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == responseId, cancellationToken);
        if (response is null)
        {
            return;
        }

        var intake = new ComplaintIntake(
            response.CustomerId, response.Branch, ChannelOf(response.Channel), setting.Category!, setting.Severity,
            ClosedLoopDescription.Of(response), AssignedTo: null, SourceResponseId: responseId);
        if (await ComplaintOpening.OpenAsync(Db, message.TenantId, intake, Clock.GetUtcNow(), cancellationToken) is null)
        {
            // The category was removed from the list after the setting named it: the business must fix the setting.
            logger.LogWarning(
                "Closed loop for survey {SurveyId} names category {Category}, no longer in the business's list; response {ResponseId} opened no complaint.",
                surveyId, setting.Category, responseId);
            return;
        }

        FeedbackTelemetry.ComplaintsOpened.Add(1);
    }

    private async Task RecordRecoveryAsync(Guid? complaintId, Guid responseId, FeedbackReceived message, CancellationToken cancellationToken)
    {
        if (complaintId is null || ComplaintRecovery.FollowUpFrom(responseId, message.Nps, message.Csat, message.OccurredAt) is not { } followUp)
        {
            return;
        }

        var complaint = await Db.Complaints.FirstOrDefaultAsync(candidate => candidate.Id == complaintId, cancellationToken);
        complaint?.RecordFollowUp(followUp, Clock.GetUtcNow());
    }

    // Survey responses and complaints reach the business the same ways, under the same names.
    private static ComplaintChannel ChannelOf(ResponseChannel channel) => channel switch
    {
        ResponseChannel.InPerson => ComplaintChannel.InPerson,
        ResponseChannel.Phone => ComplaintChannel.Phone,
        ResponseChannel.Email => ComplaintChannel.Email,
        ResponseChannel.Social => ComplaintChannel.Social,
        ResponseChannel.Letter => ComplaintChannel.Letter,
        _ => ComplaintChannel.Web,
    };
}
