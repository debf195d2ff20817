using CustomerPlatform.Feedback.Features.RecordFeedback;

namespace CustomerPlatform.Feedback;

public static class FeedbackEndpoints
{
    public static WebApplication MapFeedbackEndpoints(this WebApplication app)
    {
        var feedback = app.MapGroup("/api/v1/feedback").WithTags("Feedback");
        feedback.MapRecordFeedback();
        return app;
    }
}
