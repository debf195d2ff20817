using System.Buffers;
using System.Globalization;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerPlatform.Gateway.Proxy;

/// <summary>
/// The gateway's own middleware: correlation ids, security headers, body limits, API-key authentication with rate
/// limits, and upstream failures as problems.
/// </summary>
public static class GatewayPipeline
{
    /// <summary>Longest path and query forwarded: within the services' own request-line limit (8 KiB).</summary>
    public const int MaxTargetLength = 8000;

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
            if (ServiceRoutes.IsPublic(context.GetReverseProxyFeature().Route.Config))
            {
                await AdmitPublicAsync(context, next);
                return;
            }

            var caller = await AdmitAsync(context);
            if (caller is null)
            {
                return;
            }

            context.Request.Headers.Authorization = "Bearer " + context.RequestServices.GetRequiredService<InternalTokenSigner>().TokenFor(caller);
            await next();
        });
        return proxy;
    }

    /// <summary>
    /// A public page goes upstream with no identity: whatever Authorization or cookie a browser sends is dropped, so
    /// neither an API key nor an internal token can ride along (the page's token in its path is its only credential).
    /// Limited per client IP address (429 otherwise), as there is no key to limit by.
    /// </summary>
    private static async Task AdmitPublicAsync(HttpContext context, Func<Task> next)
    {
        context.Request.Headers.Remove("Authorization");
        context.Request.Headers.Remove("Cookie");
        var limiter = context.RequestServices.GetRequiredService<PublicPageRateLimiter>();
        if (!limiter.TryAcquire(context.Connection.RemoteIpAddress, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await ProblemDetailsSetup.Problem(
                    StatusCodes.Status429TooManyRequests,
                    "Too many requests from this address.",
                    $"Retry after {seconds} s.")
                .ExecuteAsync(context);
            return;
        }

        await next();
    }

    /// <summary>
    /// Guards the gateway's own endpoints that carry <see cref="RequiredApiKeyScope"/>: the caller's API key must be
    /// valid, within its rate limit and hold the scope (401, 429, 403 problems otherwise). Runs before binding, so an
    /// unauthenticated caller learns nothing about the request. Handlers read the caller with
    /// <c>GetRequiredFeature&lt;InternalCaller&gt;()</c>.
    /// </summary>
    public static IApplicationBuilder UseApiKeyEndpoints(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredApiKeyScope>();
        if (required is null)
        {
            await next(context);
            return;
        }

        var caller = await AdmitAsync(context);
        if (caller is null)
        {
            return;
        }

        if (required.Scope is not null && !caller.Scopes.Contains(required.Scope, StringComparer.Ordinal))
        {
            await ProblemDetailsSetup.Problem(StatusCodes.Status403Forbidden, $"This API key lacks the scope '{required.Scope}'.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    /// <summary>
    /// Marks endpoints as needing an API key with the scope (see <see cref="UseApiKeyEndpoints"/>); on an endpoint it
    /// overrides its group's requirement.
    /// </summary>
    public static TBuilder RequireApiKeyScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredApiKeyScope(scope));

    /// <summary>Marks endpoints as needing a valid API key of any scope (reads any key of the business may make).</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredApiKeyScope(null));

    /// <summary>
    /// The caller behind the request's API key, after spending one permit of its rate limit, also set as the request's
    /// <see cref="InternalCaller"/> feature; null when refused, with the 401 or 429 problem already written.
    /// </summary>
    private static async Task<InternalCaller?> AdmitAsync(HttpContext context)
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
            return null;
        }

        if (!context.RequestServices.GetRequiredService<KeyRateLimiter>().TryAcquire(caller, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await ProblemDetailsSetup.Problem(
                    StatusCodes.Status429TooManyRequests,
                    "This API key has used up its request rate.",
                    $"Retry after {seconds} s.")
                .ExecuteAsync(context);
            return null;
        }

        context.Features.Set(caller);
        return caller;
    }

    /// <summary>The one route that takes a file rather than a JSON document.</summary>
    public const string BulkUploadPath = "/api/v1/customers/imports";

    /// <summary>
    /// Refuses a target (path and query) over <paramref name="maxTargetLength"/> characters with a 414 problem, before
    /// any service (whose server would answer a bare 414) sees it; the server's own request-line limit is set above it
    /// so these requests reach this middleware. Refuses a body over <paramref name="maxBodyBytes"/> with a 413 problem:
    /// at once when Content-Length says so, and through the server's body-size limit when the body is chunked. A file
    /// upload (<see cref="BulkUploadPath"/>, a CSV import) may be up to <paramref name="maxBulkBodyBytes"/>.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app, long maxBodyBytes, int maxTargetLength, long maxBulkBodyBytes = 50L * 1024 * 1024) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var bodyLimit = HttpMethods.IsPost(request.Method) && request.Path.Equals(BulkUploadPath, StringComparison.OrdinalIgnoreCase)
                ? maxBulkBodyBytes
                : maxBodyBytes;

            if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > maxTargetLength)
            {
                await ProblemDetailsSetup.Problem(
                        StatusCodes.Status414UriTooLong,
                        "The request URI is too long.",
                        $"Path and query take at most {maxTargetLength} characters.")
                    .ExecuteAsync(context);
                return;
            }

            if (request.ContentLength > bodyLimit)
            {
                await PayloadTooLarge(bodyLimit).ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = bodyLimit;
            }

            await next(context);
        });

    /// <summary>
    /// Headers every response carries: no MIME sniffing, no framing, no referrer, a content policy that loads nothing;
    /// API responses (which hold business data) are never stored by caches. Set as the response starts, so they win
    /// over anything an upstream sent.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = PublicPages.ReferrerPolicy;
            // The public pages load their own stylesheet and post their form back to themselves; nothing else loads.
            headers.ContentSecurityPolicy = PublicPages.IsPublicPath(http.Request.Path)
                ? PublicPages.ContentSecurityPolicy
                : "default-src 'none'; frame-ancestors 'none'";
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    });

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

            // The client's body went over the limit while it was being forwarded (chunked, no Content-Length).
            if (error.Exception?.GetBaseException() is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || error.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await PayloadTooLarge(context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize).ExecuteAsync(context);
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

    private static IResult PayloadTooLarge(long? maxBytes) =>
        ProblemDetailsSetup.Problem(
            StatusCodes.Status413PayloadTooLarge,
            "The request body is too large.",
            maxBytes is null ? null : $"At most {maxBytes} bytes are accepted.");

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

/// <summary>Endpoint metadata: a gateway endpoint needs an API key, holding <paramref name="Scope"/> unless it is null.</summary>
public sealed record RequiredApiKeyScope(string? Scope);
