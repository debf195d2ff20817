using CustomerPlatform.Standards.Domain.Policies;

namespace CustomerPlatform.Standards.Features.Policies;

/// <summary>A policy and where its versions stand.</summary>
/// <param name="Status">draft (never published), published (a version in force) or retired (none in force any more).</param>
/// <param name="PublishedVersion">The number of the version in force, if any.</param>
/// <param name="DraftVersion">The number of the draft being edited, if any.</param>
/// <param name="ReviewDueDate">The version in force's review due date.</param>
/// <param name="ReviewOverdue">Whether that date has passed.</param>
public sealed record PolicyResponse(
    Guid Id,
    string Area,
    string Title,
    PolicyStatus Status,
    int LatestVersion,
    int? PublishedVersion,
    int? DraftVersion,
    DateOnly? ReviewDueDate,
    bool ReviewOverdue,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PolicyResponse From(Policy policy, DateOnly today) => new(
        policy.Id,
        policy.Area,
        policy.Title,
        policy.Status,
        policy.LatestVersion,
        policy.PublishedVersion,
        policy.DraftVersion,
        policy.ReviewDueDate,
        policy.IsReviewOverdue(today),
        policy.CreatedAt,
        policy.UpdatedAt);
}

/// <summary>A page of policies, oldest first.</summary>
public sealed record PolicyPageResponse(IReadOnlyList<PolicyResponse> Items, string? NextCursor);

/// <summary>One version of a policy, with its full content.</summary>
public sealed record PolicyVersionResponse(
    Guid PolicyId,
    int Version,
    PolicyVersionStatus Status,
    string Area,
    string Title,
    string Body,
    IReadOnlyList<PolicyClause> Clauses,
    DateOnly EffectiveDate,
    string Owner,
    DateOnly ReviewDueDate,
    IReadOnlyList<string> Branches,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? RetiredAt)
{
    public static PolicyVersionResponse From(Policy policy, PolicyVersion version) => new(
        version.PolicyId,
        version.Number,
        version.Status,
        policy.Area,
        policy.Title,
        version.Body,
        version.Clauses,
        version.EffectiveDate,
        version.Owner,
        version.ReviewDueDate,
        version.Branches,
        version.CreatedAt,
        version.UpdatedAt,
        version.PublishedAt,
        version.RetiredAt);
}

/// <summary>A clause of the version in force, by the (policy id, clause key) pair standards refer to it by.</summary>
public sealed record PolicyClauseResponse(Guid PolicyId, string Key, int Version, int Number, string Text, bool Public);
