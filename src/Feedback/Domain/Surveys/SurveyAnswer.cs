namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>One question's answer, as checked against the version answered.</summary>
/// <param name="Key">The question's key.</param>
/// <param name="Type">The question's type, so the answer reads the same if a later version changes it.</param>
/// <param name="Score">The number given (nps, csat, ces and rating questions).</param>
/// <param name="Choices">The option keys picked (choice questions).</param>
/// <param name="Text">The words written (free-text questions); cleared when the customer is erased.</param>
public sealed record SurveyAnswer(string Key, QuestionType Type, int? Score = null, IReadOnlyList<string>? Choices = null, string? Text = null);
