using System.Text.Json.Serialization;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>One question of a survey.</summary>
/// <param name="Key">Stable key stored with answers, unique within the survey.</param>
/// <param name="Type">How it is answered.</param>
/// <param name="Required">Whether a response must answer it.</param>
/// <param name="Text">The question by BCP 47 language tag.</param>
/// <param name="Min">Lowest rating (rating questions only).</param>
/// <param name="Max">Highest rating (rating questions only).</param>
/// <param name="Options">The answers offered (choice questions only).</param>
public sealed record SurveyQuestion(
    string Key,
    QuestionType Type,
    bool Required,
    IReadOnlyDictionary<string, string> Text,
    int? Min = null,
    int? Max = null,
    IReadOnlyList<SurveyOption>? Options = null)
{
    [JsonIgnore]
    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;

    /// <summary>The fixed scale of the standard questions; null for the others.</summary>
    public static (int Min, int Max)? StandardScale(QuestionType type) => type switch
    {
        QuestionType.Nps => (0, 10),
        QuestionType.Csat => (1, 5),
        QuestionType.Ces => (1, 7),
        _ => null,
    };
}
