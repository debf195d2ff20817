using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.Surveys;

/// <summary>A survey template: its current (draft) content and where it stands.</summary>
/// <param name="Status">draft (never published), published or archived.</param>
/// <param name="LatestVersion">The latest published version's number; absent before the first.</param>
/// <param name="HasUnpublishedChanges">Whether the content shown differs from the latest published version.</param>
public sealed record SurveyResponse(
    Guid Id,
    string Name,
    SurveyKind Kind,
    string DefaultLanguage,
    IReadOnlyList<SurveyQuestion> Questions,
    IReadOnlyList<string> Branches,
    SurveyStatus Status,
    int? LatestVersion,
    bool HasUnpublishedChanges,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ArchivedAt)
{
    public static SurveyResponse From(SurveyTemplate template) => new(
        template.Id,
        template.Name,
        template.Kind,
        template.DefaultLanguage,
        template.Questions,
        template.Branches,
        template.Status,
        template.PublishedVersion == 0 ? null : template.PublishedVersion,
        template.HasUnpublishedChanges,
        template.CreatedAt,
        template.UpdatedAt,
        template.ArchivedAt);
}

/// <summary>A published version of a survey, as it was published.</summary>
public sealed record SurveyVersionResponse(
    Guid SurveyId,
    int Version,
    string Name,
    SurveyKind Kind,
    string DefaultLanguage,
    IReadOnlyList<SurveyQuestion> Questions,
    IReadOnlyList<string> Branches,
    DateTimeOffset PublishedAt)
{
    public static SurveyVersionResponse From(SurveyVersion version) => new(
        version.SurveyId,
        version.Number,
        version.Name,
        version.Kind,
        version.DefaultLanguage,
        version.Questions,
        version.Branches,
        version.PublishedAt);
}

/// <summary>A page of survey templates, oldest first.</summary>
public sealed record SurveyPageResponse(IReadOnlyList<SurveyResponse> Items, string? NextCursor);
