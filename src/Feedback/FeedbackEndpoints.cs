using CustomerPlatform.Feedback.Features.ClosedLoop;
using CustomerPlatform.Feedback.Features.Compensations;
using CustomerPlatform.Feedback.Features.ComplaintTargets;
using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Features.Invitations;
using CustomerPlatform.Feedback.Features.Privacy;
using CustomerPlatform.Feedback.Features.RecordFeedback;
using CustomerPlatform.Feedback.Features.SurveyImport;
using CustomerPlatform.Feedback.Features.Reports;
using CustomerPlatform.Feedback.Features.SurveyPage;
using CustomerPlatform.Feedback.Features.SurveyResponses;
using CustomerPlatform.Feedback.Features.Surveys;
using CustomerPlatform.Feedback.Features.Themes;
using CustomerPlatform.Feedback.Features.Triggers;
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
        feedback.MapWaitOnCustomer();
        feedback.MapComplaintTargets();
        feedback.MapAnnotateComplaint();
        feedback.MapSurveys();
        feedback.MapCompensationLimits();
        feedback.MapOfferCompensation();
        feedback.MapDecideCompensation();
        feedback.MapSurveyResponses();
        feedback.MapImportSurveyResponses();
        feedback.MapInvitations();
        feedback.MapThemesReport();
        feedback.MapSurveyTriggers();
        feedback.MapListInvitations();
        feedback.MapReportSettings();
        feedback.MapScoresReport();
        feedback.MapComplaintsReport();
        feedback.MapClosedLoopSettings();
        // Outside the API group: customers open it with no API key (see SurveyPageEndpoints).
        app.MapSurveyPage();
        return app;
    }
}
