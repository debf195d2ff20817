using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.ServiceDefaults.Problems;

/// <summary>
/// Every error the platform returns is an RFC 9457 problem details body: exceptions through
/// <see cref="PlatformExceptionHandler"/>, bare status codes (401, 404, 405, ...) through status code pages.
/// </summary>
public static partial class ProblemDetailsSetup
{
    /// <summary>Correlation header the gateway sets and every app echoes in problem bodies.</summary>
    public const string CorrelationHeader = "X-Correlation-Id";

    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // The framework fills in RFC section links; clients get the platform's stable urns instead.
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = problem is HttpValidationProblemDetails
                    ? ProblemTypes.Validation
                    : TypeForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            }

            if (problem is HttpValidationProblemDetails validation)
            {
                NameErrorsAsInJson(validation, context.HttpContext);
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            if (context.HttpContext.Request.Headers.TryGetValue(CorrelationHeader, out var correlation))
            {
                problem.Extensions.TryAdd("correlationId", correlation.ToString());
            }
        });
        services.AddExceptionHandler<PlatformExceptionHandler>();

        // Binding failures (malformed JSON, a non-guid route value) throw, so the handler can name the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Adds the exception handler and status code pages; call early in the pipeline.</summary>
    public static WebApplication UsePlatformProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>A problem result with the platform's stable type for a status code.</summary>
    public static ProblemHttpResult Problem(int status, string title, string? detail = null, string? type = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type ?? TypeForStatus(status));

    // AddValidation keys errors by C# member path ("DisplayName", "Lines[0].Sku"; dotnet/aspnetcore#61764), while
    // clients, the bodies and our handlers' own errors use the JSON names: rename those paths with the JSON naming
    // policy. Keys that are not member paths (JSON paths "$.x", header names) are left as they are.
    private static void NameErrorsAsInJson(HttpValidationProblemDetails problem, HttpContext httpContext)
    {
        var policy = httpContext.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions.PropertyNamingPolicy;
        if (policy is null || !problem.Errors.Keys.Any(MemberPath().IsMatch))
        {
            return;
        }

        var renamed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in problem.Errors)
        {
            var name = MemberPath().IsMatch(key) ? string.Join('.', key.Split('.').Select(segment => ToJsonName(segment, policy))) : key;
            renamed[name] = renamed.TryGetValue(name, out var earlier) ? [.. earlier, .. messages] : messages;
        }

        problem.Errors = renamed;
    }

    private static string ToJsonName(string segment, JsonNamingPolicy policy)
    {
        var index = segment.IndexOf('[', StringComparison.Ordinal);
        return index < 0 ? policy.ConvertName(segment) : policy.ConvertName(segment[..index]) + segment[index..];
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*)*$")]
    private static partial Regex MemberPath();

    internal static string TypeForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemTypes.BadRequest,
        StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
        StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
        StatusCodes.Status404NotFound => ProblemTypes.NotFound,
        StatusCodes.Status409Conflict => ProblemTypes.Conflict,
        StatusCodes.Status412PreconditionFailed => ProblemTypes.PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
        StatusCodes.Status429TooManyRequests => ProblemTypes.RateLimited,
        StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout
            => ProblemTypes.UpstreamUnavailable,
        >= 500 => ProblemTypes.Unexpected,
        _ => ProblemTypes.For($"http-{status}"),
    };
}
