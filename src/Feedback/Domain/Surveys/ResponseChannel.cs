using System.Text.Json.Serialization;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>How a survey response reached the business (staff enter paper cards, calls and letters).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseChannel>))]
public enum ResponseChannel
{
    InPerson,
    Phone,
    Email,
    Web,
    Social,
    Letter,
}
