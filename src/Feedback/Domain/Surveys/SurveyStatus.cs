namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>Where a template is in its life: never published, has a published version, or retired.</summary>
public enum SurveyStatus
{
    Draft,
    Published,
    Archived,
}
