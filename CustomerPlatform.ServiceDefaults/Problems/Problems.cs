using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.ServiceDefaults.Problems;

/// <summary>Problem results handlers return for known outcomes, so the OpenAPI document shows them.</summary>
public static class Problems
{
    /// <summary>404 for an unknown id; also what another tenant's id looks like, so ids cannot be probed.</summary>
    public static ProblemHttpResult NotFound(string resource, Guid id) =>
        ProblemDetailsSetup.Problem(StatusCodes.Status404NotFound, $"No {resource} with id {id} exists.", type: ProblemTypes.NotFound);

    /// <summary>403 for a branch-restricted key acting for another branch (see <c>TenantContext.MayActFor</c>).</summary>
    public static ProblemHttpResult OtherBranch(string branch) =>
        ProblemDetailsSetup.Problem(
            StatusCodes.Status403Forbidden,
            "This API key is restricted to another branch.",
            $"The key may not act for branch '{branch.Trim()}'.",
            ProblemTypes.Forbidden);
}
