using System.Text.Json.Serialization;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>How a question is answered.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuestionType>))]
public enum QuestionType
{
    /// <summary>Likelihood to recommend, 0 to 10.</summary>
    Nps,

    /// <summary>Satisfaction, 1 to 5.</summary>
    Csat,

    /// <summary>Effort, 1 to 7.</summary>
    Ces,

    /// <summary>A whole number between the question's own min and max.</summary>
    Rating,
    SingleChoice,
    MultipleChoice,
    FreeText,
}
