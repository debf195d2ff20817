using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.ServiceDefaults.Problems;

/// <summary>Problem results handlers return for known outcomes, so the OpenAPI document shows them.</summary>
public static class Problems
{
    /// <summary>404 for an unknown id; also what another tenant's id looks like, so ids cannot be probed.</summary>
    public static ProblemHttpResult NotFound(string resource, Guid id) =>
        ProblemDetailsSetup.Problem(StatusCodes.Status404NotFound, $"No {resource} with id {id} exists.", type: ProblemTypes.NotFound);
}
