namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>One answer a choice question offers.</summary>
/// <param name="Key">Stable key stored with answers, unique within the question.</param>
/// <param name="Label">The label by BCP 47 language tag.</param>
public sealed record SurveyOption(string Key, IReadOnlyDictionary<string, string> Label);
