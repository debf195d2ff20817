using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerPlatform.ServiceDefaults.Problems;

/// <summary>Marks an endpoint that answers 428 without <c>If-Match</c> and 412 with a stale one, so its OpenAPI operation says so.</summary>
public sealed class RequiresIfMatchMetadata
{
    public static readonly RequiresIfMatchMetadata Instance = new();
}

public static class RequiresIfMatchExtensions
{
    /// <summary>Documents that the endpoint checks <c>If-Match</c> (the handler does it, with <c>ETags.CheckIfMatch</c>).</summary>
    public static TBuilder RequiresIfMatch<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(RequiresIfMatchMetadata.Instance);
}

/// <summary>
/// Adds to every operation the problem responses the platform can give it, each naming its stable problem types, so
/// a client can see them all in the document: results typed as a plain <c>ProblemHttpResult</c> carry no status, and
/// the cross-cutting ones (authentication, rate limits, outages) come from middleware the endpoints never see.
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = description.HttpMethod?.ToUpperInvariant() ?? "GET";
        var writes = method is not ("GET" or "HEAD");
        var hasRouteValues = description.RelativePath?.Contains('{', StringComparison.Ordinal) == true;
        var checksIfMatch = description.ActionDescriptor.EndpointMetadata.OfType<RequiresIfMatchMetadata>().Any();

        operation.Responses ??= [];
        Add(operation, StatusCodes.Status400BadRequest, "The request is malformed or a field is invalid (`errors` names each field).",
            ProblemTypes.Validation, ProblemTypes.MalformedJson, ProblemTypes.BadRequest);
        Add(operation, StatusCodes.Status401Unauthorized, "No valid API key (or, called directly, no valid internal token).", ProblemTypes.Unauthorized);
        Add(operation, StatusCodes.Status403Forbidden, "The key lacks the scope, or is restricted to another branch.", ProblemTypes.Forbidden);
        if (hasRouteValues)
        {
            Add(operation, StatusCodes.Status404NotFound, "No such resource; another business's looks the same.", ProblemTypes.NotFound);
        }

        if (writes)
        {
            Add(operation, StatusCodes.Status409Conflict, "It clashes with the current state (a duplicate, or a rule of the resource's state; `type` names which).",
                ProblemTypes.Duplicate, ProblemTypes.Conflict, ProblemTypes.For("<rule>"));
            Add(operation, StatusCodes.Status422UnprocessableEntity, "Well-formed but refused by a business rule (`type` names which), or an Idempotency-Key reused with another body.",
                ProblemTypes.IdempotencyKeyReused, ProblemTypes.For("<rule>"));
        }

        if (checksIfMatch)
        {
            Add(operation, StatusCodes.Status412PreconditionFailed, "The If-Match ETag is stale: read again and retry.", ProblemTypes.PreconditionFailed);
            Add(operation, StatusCodes.Status428PreconditionRequired, "If-Match is required.", ProblemTypes.PreconditionRequired);
        }

        Add(operation, StatusCodes.Status429TooManyRequests, "The key's rate limit is spent (the gateway; see Retry-After).", ProblemTypes.RateLimited);
        Add(operation, StatusCodes.Status503ServiceUnavailable, "A service or its database is unavailable for a moment (see Retry-After); retry, with the same Idempotency-Key for a create.",
            ProblemTypes.UpstreamUnavailable);
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, int status, string meaning, params string[] types)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = $"{meaning} Problem types: {string.Join(", ", types.Select(type => $"`{type}`"))}.";
        if (operation.Responses!.TryGetValue(key, out var existing))
        {
            // Keep what the endpoint declared (its schema), and say which problem types it means.
            if (existing is OpenApiResponse declared && declared.Description?.Contains("Problem types", StringComparison.Ordinal) != true)
            {
                declared.Description = text;
            }

            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = ProblemSchema() } },
        };
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable problem type URI, urn:customer-platform:problem:<code>." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Field errors by JSON path (validation problems only).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
