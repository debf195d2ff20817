using System.Text.Json.Serialization;

namespace CustomerPlatform.Feedback.Domain.Items;

/// <summary>Who gave a feedback item: a customer, or a member of staff (their suggestions feed the Standards review).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackFrom>))]
public enum FeedbackFrom
{
    Customer,
    Staff,
}
