using CustomerPlatform.Standards.Domain.Measurable;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

/// <summary>The policy clause a standard measures (its existence is not checked here).</summary>
public sealed record PolicyClauseResponse(Guid PolicyId, string ClauseKey);

/// <summary>A standard's terms as one version fixes them.</summary>
/// <param name="Branches">Empty: every branch.</param>
/// <param name="Severity">Absent: every severity.</param>
public sealed record StandardTermsResponse(
    Comparator Comparator,
    decimal Target,
    decimal? WarningThreshold,
    IReadOnlyList<string> Branches,
    StandardSeverity? Severity,
    PolicyClauseResponse? Policy)
{
    public static StandardTermsResponse From(StandardTerms terms) => new(
        terms.Comparator, terms.Target, terms.Warning, terms.Branches, terms.Severity,
        terms.Policy is { } policy ? new PolicyClauseResponse(policy.PolicyId, policy.ClauseKey) : null);
}

/// <summary>A measurable standard, with the terms of its current version.</summary>
/// <param name="Version">The number of the current version (1 as created; one more for each change of terms).</param>
/// <param name="SetsComplaintDeadlines">Whether Feedback gives new complaints due times from it (active, complaint time, every branch).</param>
public sealed record ServiceStandardResponse(
    Guid Id,
    string Name,
    string Metric,
    StandardStatus Status,
    int Version,
    StandardTermsResponse Terms,
    bool SetsComplaintDeadlines,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RetiredAt)
{
    public static ServiceStandardResponse From(ServiceStandard standard) => new(
        standard.Id, standard.Name, standard.Metric, standard.Status, standard.CurrentVersion, StandardTermsResponse.From(standard.Terms),
        standard.SetsComplaintTargets, standard.CreatedAt, standard.UpdatedAt, standard.RetiredAt);
}

/// <summary>A page of standards, oldest first.</summary>
public sealed record ServiceStandardPageResponse(IReadOnlyList<ServiceStandardResponse> Items, string? NextCursor);

/// <summary>One version of a standard.</summary>
public sealed record ServiceStandardVersionResponse(int Version, StandardTermsResponse Terms, DateTimeOffset CreatedAt);

/// <summary>Every version of a standard, oldest first.</summary>
public sealed record ServiceStandardVersionsResponse(Guid StandardId, IReadOnlyList<ServiceStandardVersionResponse> Items);
