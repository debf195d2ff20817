using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.Triggers;

/// <summary>A survey's triggers, replaced as a whole; its row version is the ETag their updates must present.</summary>
public sealed class SurveyTriggerSet : ITenantOwned
{
    private SurveyTriggerSet()
    {
    }

    /// <summary>The survey's id: a survey has one set.</summary>
    public Guid SurveyId { get; private init; }

    public Guid TenantId { get; private init; }
    public List<SurveyTrigger> Triggers { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public static SurveyTriggerSet Create(Guid tenantId, Guid surveyId, IReadOnlyList<SurveyTrigger> triggers, DateTimeOffset now) =>
        new() { TenantId = tenantId, SurveyId = surveyId, Triggers = [.. triggers], UpdatedAt = now };

    public void Replace(IReadOnlyList<SurveyTrigger> triggers, DateTimeOffset now)
    {
        Triggers = [.. triggers];
        UpdatedAt = now;
    }

    /// <summary>The enabled trigger for the event that applies to the branch, if any.</summary>
    public SurveyTrigger? For(TriggerEvent on, string branch, IReadOnlyList<string> surveyBranches) =>
        Triggers.FirstOrDefault(trigger => trigger.On == on && trigger.AppliesTo(branch, surveyBranches));
}
