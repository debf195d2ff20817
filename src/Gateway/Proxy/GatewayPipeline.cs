using System.Buffers;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Gateway.Proxy;

/// <summary>The gateway's own middleware: correlation ids, API-key authentication, and upstream failures as problems.</summary>
public static class GatewayPipeline
{
    private const int MaxCorrelationIdLength = 64;
    private static readonly SearchValues<char> CorrelationIdCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    /// <summary>
    /// Echoes the caller's <c>X-Correlation-Id</c> (when well-formed) or assigns one from the trace id, and
    /// forwards it, so a business can quote one id for its whole request.
    /// </summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Request.Headers;
        var presented = headers[ProblemDetailsSetup.CorrelationHeader].ToString();
        var correlationId = presented.Length is > 0 and <= MaxCorrelationIdLength && !presented.AsSpan().ContainsAnyExcept(CorrelationIdCharacters)
            ? presented
            : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        headers[ProblemDetailsSetup.CorrelationHeader] = correlationId;
        context.Response.Headers[ProblemDetailsSetup.CorrelationHeader] = correlationId;
        return next(context);
    });

    /// <summary>
    /// Authenticates the API key on every proxied request and replaces the client's Authorization header with the
    /// internal token, so nothing a client sends can claim a tenant. No key or a bad key is a 401 problem.
    /// </summary>
    public static IReverseProxyApplicationBuilder UseApiKeyAuthentication(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var presented = BearerToken(context.Request);
            var caller = presented is null
                ? null
                : await context.RequestServices.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(presented, context.RequestAborted);
            if (caller is null)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await ProblemDetailsSetup.Problem(
                        StatusCodes.Status401Unauthorized,
                        "A valid API key is required.",
                        "Send it as 'Authorization: Bearer <key>'.")
                    .ExecuteAsync(context);
                return;
            }

            context.Request.Headers.Authorization = "Bearer " + context.RequestServices.GetRequiredService<InternalTokenSigner>().TokenFor(caller);
            await next();
        });
        return proxy;
    }

    /// <summary>A service that is down or too slow becomes a 502/503/504 problem, never an empty body or a hang.</summary>
    public static IReverseProxyApplicationBuilder UseUpstreamProblems(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted)
            {
                return;
            }

            var status = context.Response.StatusCode is >= 500 and <= 504 ? context.Response.StatusCode : StatusCodes.Status502BadGateway;
            await ProblemDetailsSetup.Problem(
                    status,
                    status == StatusCodes.Status504GatewayTimeout ? "The service did not answer in time." : "The service is unavailable.",
                    "Retry later; the request may be retried safely with the same Idempotency-Key.")
                .ExecuteAsync(context);
        });
        return proxy;
    }

    /// <summary>The key from <c>Authorization: Bearer &lt;key&gt;</c>, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
