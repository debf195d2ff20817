using CustomerPlatform.Feedback.Features.Compensations;
using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Features.Invitations;
using CustomerPlatform.Feedback.Features.Privacy;
using CustomerPlatform.Feedback.Features.RecordFeedback;
using CustomerPlatform.Feedback.Features.SurveyPage;
using CustomerPlatform.Feedback.Features.SurveyResponses;
using CustomerPlatform.Feedback.Features.Surveys;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Feedback;

public static class FeedbackEndpoints
{
    public static WebApplication MapFeedbackEndpoints(this WebApplication app)
    {
        var feedback = app.MapGroup("/api/v1/feedback").WithTags("Feedback").RequireServiceScopes("feedback");
        feedback.MapRecordFeedback();
        feedback.MapFeedbackPersonalData();
        feedback.MapComplaintCodeLists();
        feedback.MapOpenComplaint();
        feedback.MapListComplaints();
        feedback.MapManageComplaint();
        feedback.MapTransitionComplaint();
        feedback.MapAnnotateComplaint();
        feedback.MapSurveys();
        feedback.MapCompensationLimits();
        feedback.MapOfferCompensation();
        feedback.MapDecideCompensation();
        feedback.MapSurveyResponses();
        feedback.MapInvitations();
        // Outside the API group: customers open it with no API key (see SurveyPageEndpoints).
        app.MapSurveyPage();
        return app;
    }
}
