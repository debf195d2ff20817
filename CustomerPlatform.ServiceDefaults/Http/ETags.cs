using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CustomerPlatform.ServiceDefaults.Http;

/// <summary>Entity tags (a row's version in the quoted form HTTP uses) and the <c>If-Match</c> check updates make.</summary>
public static class ETags
{
    public static string From(uint version) => $"\"{version}\"";

    /// <summary>
    /// Null when the request's <c>If-Match</c> names the current tag (or is <c>*</c>); otherwise the problem to
    /// answer: 428 when the header is missing (an update without it could overwrite a change the client never saw),
    /// 412 when the resource has changed since the client read it.
    /// </summary>
    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, string currentETag)
    {
        var presented = request.Headers.IfMatch;
        if (presented.Count == 0)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status428PreconditionRequired,
                "An If-Match header is required.",
                "Send the ETag from your last read of the resource as If-Match.",
                ProblemTypes.PreconditionRequired);
        }

        if (EntityTagHeaderValue.TryParseList(presented, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || (!tag.IsWeak && tag.Tag.Equals(currentETag, StringComparison.Ordinal))))
        {
            return null;
        }

        return ProblemDetailsSetup.Problem(
            StatusCodes.Status412PreconditionFailed,
            "The resource was changed by someone else; fetch it again and retry with its new ETag.",
            $"Its current ETag is {currentETag}.",
            ProblemTypes.PreconditionFailed);
    }
}
