using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Feedback.Domain;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Http;

namespace CustomerPlatform.Feedback.Features;

/// <summary>
/// The one place <see cref="FeedbackReceived"/> is built, so an item recorded, a response entered and a response
/// imported tell consumers the same facts the same way.
/// </summary>
internal static class FeedbackReceivedEvents
{
    public static FeedbackReceived For(FeedbackItem item) => new()
    {
        TenantId = item.TenantId,
        FeedbackId = item.Id,
        CustomerId = item.CustomerId,
        Branch = item.Branch,
        Rating = item.Rating,
        Source = "rating",
        Kind = WireNames.Of(item.Kind),
        From = WireNames.Of(item.From),
        AboutType = WireNames.Of(item.AboutType),
        AboutReference = item.AboutReference,
        Channel = WireNames.Of(item.Channel),
        Tags = item.Tags,
        OccurredAt = item.ReceivedAt,
    };

    public static FeedbackReceived For(SurveySubmission response) => new()
    {
        TenantId = response.TenantId,
        FeedbackId = response.Id,
        CustomerId = response.CustomerId,
        Branch = response.Branch,
        Rating = response.Nps,
        Source = "survey",
        Channel = WireNames.Of(response.Channel),
        SurveyId = response.SurveyId,
        SurveyVersion = response.SurveyVersion,
        ResponseId = response.Id,
        Nps = response.Nps,
        Csat = response.Csat,
        Ces = response.Ces,
        OccurredAt = response.AnsweredAt,
    };
}
