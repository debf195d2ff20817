using System.Text.Json.Serialization;

namespace CustomerPlatform.Feedback.Domain.Items;

/// <summary>What a feedback item is; <see cref="Rating"/> is the plain 0-10 rating the API took before kinds existed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackKind>))]
public enum FeedbackKind
{
    Rating,
    Compliment,
    Suggestion,
    Complaint,
    Question,
}
