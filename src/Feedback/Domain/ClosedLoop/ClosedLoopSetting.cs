using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.ClosedLoop;

/// <summary>
/// When a poor survey score opens a complaint by itself: the business's default (<see cref="SurveyId"/> empty) or one
/// survey's override. A business without a row has <see cref="PlatformDefault"/>: off.
/// </summary>
public sealed class ClosedLoopSetting : ITenantOwned
{
    public const int DefaultNpsAtOrBelow = 6;
    public const int DefaultCsatAtOrBelow = 2;
    public const ComplaintSeverity DefaultSeverity = ComplaintSeverity.Medium;

    private ClosedLoopSetting()
    {
    }

    public Guid TenantId { get; private init; }

    /// <summary>The survey the override is for; <see cref="Guid.Empty"/> for the business's default.</summary>
    public Guid SurveyId { get; private init; }

    public bool Enabled { get; private set; }

    /// <summary>An NPS answer at or below this (0 to 10) opens a case; 6 by default, every detractor.</summary>
    public int NpsAtOrBelow { get; private set; } = DefaultNpsAtOrBelow;

    /// <summary>A CSAT answer at or below this (1 to 5) opens a case; 2 by default, the dissatisfied answers.</summary>
    public int CsatAtOrBelow { get; private set; } = DefaultCsatAtOrBelow;

    /// <summary>A code of the business's complaint categories; required once enabled.</summary>
    public string? Category { get; private set; }

    public ComplaintSeverity Severity { get; private set; } = DefaultSeverity;
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin), the setting's ETag.</summary>
    public uint Version { get; private set; }

    public bool IsBusinessDefault => SurveyId == Guid.Empty;

    /// <summary>What a business that never set anything has: the loop is off.</summary>
    public static ClosedLoopSetting PlatformDefault(Guid tenantId) => new() { TenantId = tenantId };

    public static ClosedLoopSetting Create(Guid tenantId, Guid? surveyId) => new() { TenantId = tenantId, SurveyId = surveyId ?? Guid.Empty };

    /// <param name="category">Checked by the caller against the business's category list.</param>
    public void Replace(bool enabled, int npsAtOrBelow, int csatAtOrBelow, string? category, ComplaintSeverity severity, DateTimeOffset now)
    {
        Enabled = enabled;
        NpsAtOrBelow = npsAtOrBelow;
        CsatAtOrBelow = csatAtOrBelow;
        Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        Severity = severity;
        UpdatedAt = now;
    }

    /// <summary>Whether a response with these scores opens a case: enabled, a category set, and either score at or below its threshold.</summary>
    public bool Opens(int? nps, int? csat) =>
        Enabled && Category is not null && (nps <= NpsAtOrBelow || csat <= CsatAtOrBelow);
}
