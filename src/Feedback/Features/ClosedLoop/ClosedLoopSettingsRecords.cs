using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CustomerPlatform.Feedback.Domain.ClosedLoop;
using CustomerPlatform.Feedback.Domain.Complaints;

namespace CustomerPlatform.Feedback.Features.ClosedLoop;

/// <summary>When a poor survey score opens a complaint by itself.</summary>
/// <param name="Enabled">Whether poor scores open complaints; false when omitted.</param>
/// <param name="NpsAtOrBelow">An NPS answer at or below this opens a case, 0 to 10; 6 (every detractor) when omitted.</param>
/// <param name="CsatAtOrBelow">A CSAT answer at or below this opens a case, 1 to 5; 2 when omitted.</param>
/// <param name="Category">A code of the business's complaint categories (GET /complaint-categories); required when enabled.</param>
/// <param name="Severity">The severity of the cases opened: low, medium, high or critical; medium when omitted.</param>
public sealed record ClosedLoopSettingsRequest(
    bool? Enabled,
    int? NpsAtOrBelow,
    int? CsatAtOrBelow,
    [property: StringLength(Complaint.MaxCodeLength)] string? Category,
    ComplaintSeverity? Severity);

/// <summary>Where the settings in force come from.</summary>
public enum ClosedLoopSource
{
    /// <summary>Nothing set: the loop is off.</summary>
    PlatformDefault,

    /// <summary>The business's default (PUT /closed-loop).</summary>
    Business,

    /// <summary>The survey's own override (PUT /surveys/{surveyId}/closed-loop).</summary>
    Survey,
}

/// <summary>The closed-loop settings in force for the business, or for one survey.</summary>
/// <param name="SurveyId">The survey asked about; null for the business's default.</param>
/// <param name="Source">platformDefault (never set), business (the business's default) or survey (the survey's override).</param>
/// <param name="Enabled">Whether poor scores open complaints.</param>
/// <param name="NpsAtOrBelow">An NPS answer at or below this opens a case.</param>
/// <param name="CsatAtOrBelow">A CSAT answer at or below this opens a case.</param>
/// <param name="Category">The category of the cases opened; null until set.</param>
/// <param name="Severity">The severity of the cases opened.</param>
/// <param name="UpdatedAt">When the settings in force were last changed; null for the platform default.</param>
public sealed record ClosedLoopSettingsResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Guid? SurveyId,
    ClosedLoopSource Source,
    bool Enabled,
    int NpsAtOrBelow,
    int CsatAtOrBelow,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Category,
    ComplaintSeverity Severity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? UpdatedAt)
{
    public static ClosedLoopSettingsResponse From(Guid? surveyId, ClosedLoopSetting setting, ClosedLoopSource source) => new(
        surveyId, source, setting.Enabled, setting.NpsAtOrBelow, setting.CsatAtOrBelow, setting.Category, setting.Severity,
        source == ClosedLoopSource.PlatformDefault ? null : setting.UpdatedAt);
}
