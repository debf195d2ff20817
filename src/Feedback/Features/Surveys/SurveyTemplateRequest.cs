using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.Surveys;

/// <summary>A survey template's whole content: creating one, or replacing its draft.</summary>
/// <param name="Name">What the business calls it, 1 to 200 characters.</param>
/// <param name="Kind">nps, csat, ces or custom; an nps, csat or ces survey starts with exactly one question of its type.</param>
/// <param name="DefaultLanguage">BCP 47 tag (en-GB) every question and option must have a text in.</param>
/// <param name="Questions">1 to 50 questions, keys unique.</param>
/// <param name="Branches">Branch codes it applies to (at most 100); none or omitted means every branch.</param>
public sealed record SurveyTemplateRequest(
    [property: Required, StringLength(SurveyContent.MaxNameLength, MinimumLength = 1)] string Name,
    [property: Required] SurveyKind? Kind,
    [property: Required, StringLength(SurveyContent.MaxLanguageTagLength, MinimumLength = 2)] string DefaultLanguage,
    [property: Required, MaxLength(SurveyContent.MaxQuestions)] IReadOnlyList<SurveyQuestionRequest?> Questions,
    [property: MaxLength(SurveyContent.MaxBranches)] IReadOnlyList<string?>? Branches);

/// <summary>One question.</summary>
/// <param name="Key">Stable key answers are stored under: 1 to 50 letters, digits, '-' or '_'.</param>
/// <param name="Type">nps (0-10), csat (1-5), ces (1-7), rating (min to max), singleChoice, multipleChoice or freeText.</param>
/// <param name="Required">Whether a response must answer it; false when omitted.</param>
/// <param name="Text">The question by language tag ({"en-GB": "...", "de-DE": "..."}), at most 20, each 1 to 1000 characters.</param>
/// <param name="Min">Lowest rating, 0 to 99 (rating questions only).</param>
/// <param name="Max">Highest rating, above min and at most 100 (rating questions only).</param>
/// <param name="Options">2 to 30 answers offered (choice questions only).</param>
public sealed record SurveyQuestionRequest(
    [property: Required, StringLength(SurveyContent.MaxKeyLength, MinimumLength = 1)] string Key,
    [property: Required] QuestionType? Type,
    bool? Required,
    [property: Required] IReadOnlyDictionary<string, string?> Text,
    int? Min,
    int? Max,
    [property: MaxLength(SurveyContent.MaxOptions)] IReadOnlyList<SurveyOptionRequest?>? Options);

/// <summary>One answer a choice question offers.</summary>
/// <param name="Key">Stable key answers are stored under: 1 to 50 letters, digits, '-' or '_', unique within the question.</param>
/// <param name="Label">The label by language tag, each 1 to 200 characters.</param>
public sealed record SurveyOptionRequest(
    [property: Required, StringLength(SurveyContent.MaxKeyLength, MinimumLength = 1)] string Key,
    [property: Required] IReadOnlyDictionary<string, string?> Label);
