using System.Text.Json.Serialization;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>What a survey measures; nps, csat and ces surveys lead with their own standard question.</summary>
// Stored JSON (a version's content) names the member, so reordering the enum cannot change what a stored version means.
[JsonConverter(typeof(JsonStringEnumConverter<SurveyKind>))]
public enum SurveyKind
{
    Nps,
    Csat,
    Ces,
    Custom,
}
