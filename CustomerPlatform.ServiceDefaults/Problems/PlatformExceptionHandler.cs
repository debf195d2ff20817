using System.Text.Json;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerPlatform.ServiceDefaults.Problems;

/// <summary>
/// The one place exceptions become problem details. Known conditions get their own status and stable type;
/// anything else falls through to the default 500 problem.
/// </summary>
public sealed class PlatformExceptionHandler(IProblemDetailsService problemDetails, ILogger<PlatformExceptionHandler> logger)
    : IExceptionHandler
{
    // About as long as a PostgreSQL restart takes.
    private const string RetryAfterSeconds = "2";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.Message,
                Type = ProblemDetailsSetup.TypeForStatus(bad.StatusCode),
            },
            DomainException domain => new ProblemDetails
            {
                Status = domain.Kind == DomainErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                Title = domain.Message,
                Type = ProblemTypes.For(domain.Code),
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed,
                Title = "The resource was changed by someone else; fetch it again and retry with its new ETag.",
                Type = ProblemTypes.PreconditionFailed,
            },
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A resource with the same identity already exists.",
                Type = ProblemTypes.Duplicate,
            },
            _ when IsUnstorableText(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request contains a character that cannot be stored, such as a NUL (\\u0000).",
                Type = ProblemTypes.BadRequest,
            },
            _ when DatabaseFailures.IsUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service's database is unavailable.",
                Detail = "Retry later; the request may be retried safely with the same Idempotency-Key.",
                Type = ProblemTypes.UpstreamUnavailable,
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        logger.LogInformation("Request refused with {Status} {ProblemType}", problem.Status, problem.Type);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// PostgreSQL text cannot hold a NUL character, so a client-sent string with one fails in the database;
    /// that is the client's input, not a server fault. Checked wherever the string went (a query or a save).
    /// </summary>
    private static bool IsUnstorableText(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter })
            {
                return true;
            }
        }

        return false;
    }

    private static HttpValidationProblemDetails MalformedJson(JsonException json)
    {
        // The JSON path ("$.rating") names the field a client got wrong; the body as a whole when there is none.
        var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [json.LineNumber is null ? "The JSON is malformed." : $"The JSON is malformed or has the wrong type at line {json.LineNumber + 1}, position {json.BytePositionInLine}."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this operation.",
            Type = ProblemTypes.MalformedJson,
        };
    }
}
