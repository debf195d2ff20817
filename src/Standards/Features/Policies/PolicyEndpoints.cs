using System.Globalization;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Policies;

/// <summary>The policy library's routes, and what their handlers share.</summary>
public static class PolicyEndpoints
{
    public const string BasePath = "/api/v1/standards/policies";

    public static void MapPolicies(this RouteGroupBuilder standards)
    {
        standards.MapPolicyAreas();
        standards.MapPolicyTemplates();
        var policies = standards.MapGroup("/policies").WithTags("Policies");
        policies.MapCreatePolicy();
        policies.MapListPolicies();
        policies.MapGetPolicy();
        policies.MapChangePolicyVersions();
        policies.MapPublishPolicyVersion();
    }

    internal static string PathOf(Guid policyId) => $"{BasePath}/{policyId}";

    internal static string PathOf(Guid policyId, int version) => $"{BasePath}/{policyId}/versions/{version}";

    /// <summary>A version number from the path; anything but one is simply a version that does not exist.</summary>
    internal static int? ReadVersionNumber(string version) =>
        int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : null;

    internal static ProblemHttpResult VersionNotFound(Guid policyId, string version) =>
        ProblemDetailsSetup.Problem(
            StatusCodes.Status404NotFound,
            $"Policy {policyId} has no version {(version.Length <= 10 ? version : version[..10] + "…")}.",
            type: ProblemTypes.NotFound);

    /// <summary>The policy and one of its versions, tracked for a change; or the 404 that says which is missing.</summary>
    internal static async Task<(Policy? Policy, PolicyVersion? Version, ProblemHttpResult? Problem)> FindVersionAsync(
        StandardsDbContext db, Guid policyId, string version, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.FirstOrDefaultAsync(candidate => candidate.Id == policyId, cancellationToken);
        if (policy is null)
        {
            return (null, null, Problems.NotFound("policy", policyId));
        }

        var found = ReadVersionNumber(version) is { } number
            ? await db.PolicyVersions.FirstOrDefaultAsync(candidate => candidate.PolicyId == policyId && candidate.Number == number, cancellationToken)
            : null;
        return found is null ? (null, null, VersionNotFound(policyId, version)) : (policy, found, null);
    }

    internal static Ok<PolicyVersionResponse> Ok(HttpContext http, Policy policy, PolicyVersion version)
    {
        http.Response.Headers.ETag = ETags.From(version.Version);
        return TypedResults.Ok(PolicyVersionResponse.From(policy, version));
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
