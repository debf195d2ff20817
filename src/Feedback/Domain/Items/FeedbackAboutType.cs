using System.Text.Json.Serialization;

namespace CustomerPlatform.Feedback.Domain.Items;

/// <summary>What a feedback item is about; its reference names the branch, product, service or staff member.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackAboutType>))]
public enum FeedbackAboutType
{
    Branch,
    Product,
    Service,
    StaffMember,
}
