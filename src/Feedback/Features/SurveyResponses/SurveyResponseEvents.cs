using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.SurveyResponses;

/// <summary>The events a survey response publishes, whichever way it arrived (staff entry or the public page).</summary>
public static class SurveyResponseEvents
{
    /// <summary>
    /// <c>FeedbackReceived</c> for the response: its NPS answer is the rating Standards counts, so a response from the
    /// public page and one typed in by staff weigh the same in a branch's scorecard.
    /// </summary>
    public static FeedbackReceived FeedbackReceivedFor(SurveySubmission response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new FeedbackReceived
        {
            TenantId = response.TenantId,
            FeedbackId = response.Id,
            CustomerId = response.CustomerId,
            Branch = response.Branch,
            Rating = response.Nps,
            Source = "survey",
            SurveyId = response.SurveyId,
            SurveyVersion = response.SurveyVersion,
            ResponseId = response.Id,
            Nps = response.Nps,
            Csat = response.Csat,
            Ces = response.Ces,
            OccurredAt = response.AnsweredAt,
        };
    }
}
