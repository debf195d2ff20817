using System.Security.Cryptography;
using System.Text;
using CustomerPlatform.Gateway.Proxy;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Gateway.Features.Businesses;

/// <summary>
/// The platform operator's key (configuration <c>Platform:OperatorKey</c>) guards creating businesses.
/// Compared by hash in constant time; without one configured, nobody is an operator.
/// </summary>
public sealed class OperatorKey(IConfiguration configuration)
{
    public const string ConfigKey = "Platform:OperatorKey";

    private readonly byte[]? _hash = configuration[ConfigKey] is { Length: > 0 } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key)) : null;

    public bool IsPresentedBy(HttpRequest request) =>
        _hash is not null
        && GatewayPipeline.BearerToken(request) is { } presented
        && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    /// <summary>An endpoint filter that lets only the operator through.</summary>
    public static async ValueTask<object?> RequireAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<OperatorKey>().IsPresentedBy(http.Request))
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemDetailsSetup.Problem(StatusCodes.Status401Unauthorized, "The platform operator key is required.");
    }
}
