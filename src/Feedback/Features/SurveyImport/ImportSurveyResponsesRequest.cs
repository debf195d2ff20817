using System.Text.Json;
using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.SurveyImport;

/// <summary>Survey responses to import all at once: every row is checked, and one bad row stores none.</summary>
/// <param name="Version">The published version answered; the latest published one when absent.</param>
/// <param name="Rows">1 to 5,000 responses.</param>
public sealed record ImportSurveyResponsesRequest(int? Version, IReadOnlyList<ImportedSurveyResponse>? Rows);

/// <summary>One imported response.</summary>
/// <param name="CustomerId">The customer who answered, when known.</param>
/// <param name="Branch">Code of the branch the response is about.</param>
/// <param name="Channel">How the response reached the business.</param>
/// <param name="Language">The BCP 47 language it was answered in; the version's default language when absent.</param>
/// <param name="AnsweredAt">When the customer answered: any time in the past, not in the future.</param>
/// <param name="Answers">The answers by question key, as for a response entered by hand.</param>
public sealed record ImportedSurveyResponse(
    Guid? CustomerId,
    string? Branch,
    ResponseChannel? Channel,
    string? Language,
    DateTimeOffset? AnsweredAt,
    Dictionary<string, JsonElement>? Answers);

/// <summary>How many responses the import stored.</summary>
/// <param name="Imported">The number of responses stored: every row.</param>
public sealed record ImportSurveyResponsesResponse(int Imported);
