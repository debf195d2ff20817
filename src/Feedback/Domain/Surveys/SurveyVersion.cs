using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>A published version of a survey: its content as it was, never changed afterwards.</summary>
public sealed class SurveyVersion : ITenantOwned
{
    private SurveyVersion()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid SurveyId { get; private init; }

    /// <summary>1 for the first version published, then one more for each.</summary>
    public int Number { get; private init; }

    public string Name { get; private init; } = "";
    public SurveyKind Kind { get; private init; }
    public string DefaultLanguage { get; private init; } = "";
    public List<SurveyQuestion> Questions { get; private init; } = [];
    public List<string> Branches { get; private init; } = [];
    public DateTimeOffset PublishedAt { get; private init; }

    internal static SurveyVersion Freeze(SurveyTemplate template, int number, DateTimeOffset now) => new()
    {
        TenantId = template.TenantId,
        SurveyId = template.Id,
        Number = number,
        Name = template.Name,
        Kind = template.Kind,
        DefaultLanguage = template.DefaultLanguage,
        Questions = [.. template.Questions],
        Branches = [.. template.Branches],
        PublishedAt = now,
    };
}
