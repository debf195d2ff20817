using System.ComponentModel.DataAnnotations;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Policies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Standards.Features.Policies;

/// <summary>A new policy and the content of its first draft.</summary>
/// <param name="Area">The area's key: a built-in one (complaints-handling, ...) or one the business added.</param>
/// <param name="Title">1 to 200 characters, unique within the area.</param>
public sealed record CreatePolicyRequest(
    [property: Required, StringLength(Slugs.MaxLength, MinimumLength = 1)] string Area,
    [property: Required, StringLength(PolicyContent.MaxTitleLength, MinimumLength = 1)] string Title,
    [property: Required, StringLength(PolicyContent.MaxBodyLength, MinimumLength = 1)] string Body,
    [property: MaxLength(PolicyContent.MaxClauses)] IReadOnlyList<PolicyClauseRequest?>? Clauses,
    [property: Required] DateOnly? EffectiveDate,
    [property: Required, StringLength(PolicyContent.MaxOwnerLength, MinimumLength = 1)] string Owner,
    [property: Required] DateOnly? ReviewDueDate,
    [property: MaxLength(PolicyContent.MaxBranches)] IReadOnlyList<string?>? Branches);

/// <summary>A draft version's whole content (a field left out is cleared).</summary>
/// <param name="Body">The policy in Markdown, 1 to 50,000 characters.</param>
/// <param name="Clauses">Up to 100 numbered clauses, keys unique.</param>
/// <param name="EffectiveDate">The day it applies from (yyyy-MM-dd).</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="ReviewDueDate">When it is due for review, after the effective date.</param>
/// <param name="Branches">Branch codes it applies to; none or omitted means every branch.</param>
public sealed record PolicyVersionRequest(
    [property: Required, StringLength(PolicyContent.MaxBodyLength, MinimumLength = 1)] string Body,
    [property: MaxLength(PolicyContent.MaxClauses)] IReadOnlyList<PolicyClauseRequest?>? Clauses,
    [property: Required] DateOnly? EffectiveDate,
    [property: Required, StringLength(PolicyContent.MaxOwnerLength, MinimumLength = 1)] string Owner,
    [property: Required] DateOnly? ReviewDueDate,
    [property: MaxLength(PolicyContent.MaxBranches)] IReadOnlyList<string?>? Branches);

/// <summary>One numbered clause.</summary>
/// <param name="Key">Stable key standards refer to: lower-case words joined by hyphens, unique within the version.</param>
/// <param name="Text">The clause, 1 to 2,000 characters.</param>
/// <param name="Public">Whether customers see it in the service charter; false when omitted.</param>
public sealed record PolicyClauseRequest(
    [property: Required, StringLength(Slugs.MaxLength, MinimumLength = 1)] string Key,
    [property: Required, StringLength(PolicyContent.MaxClauseLength, MinimumLength = 1)] string Text,
    bool? Public);

/// <summary>Turns requests into policy content, checks it, and decides whether the caller may act on it.</summary>
internal static class PolicyRequests
{
    public static PolicyContent? Read(PolicyVersionRequest request, Dictionary<string, string[]> errors) =>
        Read(request.Body, request.Clauses, request.EffectiveDate, request.Owner, request.ReviewDueDate, request.Branches, errors);

    public static PolicyContent? Read(CreatePolicyRequest request, Dictionary<string, string[]> errors) =>
        Read(request.Body, request.Clauses, request.EffectiveDate, request.Owner, request.ReviewDueDate, request.Branches, errors);

    /// <summary>
    /// 403 unless the caller may act for every branch the policy applies to: a branch-restricted key may only manage
    /// policies of its own branch, never one for the whole business.
    /// </summary>
    public static ProblemHttpResult? CheckBranches(TenantContext tenant, IReadOnlyList<string> branches)
    {
        if (tenant.Branch is null)
        {
            return null;
        }

        if (branches.Count == 0)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden,
                "This API key is restricted to a branch.",
                "A policy for every branch can only be managed with a key for the whole business.",
                ProblemTypes.Forbidden);
        }

        return branches.FirstOrDefault(branch => !tenant.MayActFor(branch)) is { } other ? Problems.OtherBranch(other) : null;
    }

    private static PolicyContent? Read(
        string? body,
        IReadOnlyList<PolicyClauseRequest?>? clauses,
        DateOnly? effectiveDate,
        string? owner,
        DateOnly? reviewDueDate,
        IReadOnlyList<string?>? branches,
        Dictionary<string, string[]> errors)
    {
        var read = new List<PolicyClause>();
        for (var index = 0; index < (clauses?.Count ?? 0); index++)
        {
            if (clauses![index] is not { } clause)
            {
                errors[$"clauses[{index}]"] = ["A clause, not null."];
                continue;
            }

            read.Add(new PolicyClause(clause.Key?.Trim() ?? "", clause.Text?.Trim() ?? "", clause.Public ?? false));
        }

        if (effectiveDate is null)
        {
            errors["effectiveDate"] = ["The day the policy applies from (yyyy-MM-dd)."];
        }

        if (reviewDueDate is null)
        {
            errors["reviewDueDate"] = ["The day the policy is due for review (yyyy-MM-dd)."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var content = new PolicyContent(
            body?.Trim() ?? "",
            read,
            effectiveDate!.Value,
            owner?.Trim() ?? "",
            reviewDueDate!.Value,
            [.. (branches ?? []).Select(branch => branch?.Trim() ?? "").Distinct(StringComparer.Ordinal)]);
        foreach (var (field, messages) in content.Check())
        {
            errors[field] = messages;
        }

        return errors.Count > 0 ? null : content;
    }
}
