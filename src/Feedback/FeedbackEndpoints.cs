using CustomerPlatform.Feedback.Features.Privacy;
using CustomerPlatform.Feedback.Features.RecordFeedback;
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
        feedback.MapSurveys();
        return app;
    }
}
