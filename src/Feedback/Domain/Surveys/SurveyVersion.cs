using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

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

    /// <summary>The branch code, trimmed, when the version is meant for it; throws 422 <c>survey-not-for-branch</c> otherwise.</summary>
    public string EnsureFor(string branch)
    {
        var trimmed = branch.Trim();
        if (Branches.Count > 0 && !Branches.Contains(trimmed, StringComparer.Ordinal))
        {
            throw new DomainException("survey-not-for-branch", $"Version {Number} of the survey is not meant for branch '{trimmed}'.");
        }

        return trimmed;
    }

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
