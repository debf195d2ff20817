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

    /// <summary>
    /// 422 with field errors: the request is well-formed, but what the named fields point at refuses it (an id of
    /// something that does not exist, or not in the state the rule needs). <paramref name="code"/> becomes the stable type.
    /// </summary>
    public static ProblemHttpResult Unprocessable(string code, string title, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
            Type = ProblemTypes.For(code),
        });
}
