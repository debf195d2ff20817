using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CustomerPlatform.ServiceDefaults.Security;

/// <summary>
/// A service's endpoints require its scope from the internal token: <c>{service}:read</c> to read (GET, HEAD),
/// <c>{service}:write</c> for anything else. Checked by authorization, before binding and validation, so a key
/// without the scope learns nothing about the request (403 problem).
/// </summary>
public static class ServiceScopes
{
    public static TBuilder RequireServiceScopes<TBuilder>(this TBuilder builder, string service)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var read = service + ":read";
        var write = service + ":write";
        // An endpoint's own policy replaces the fallback policy, so it repeats the fallback's requirements.
        return builder.RequireAuthorization(policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(InternalToken.TenantClaim)
            .RequireAssertion(context =>
            {
                var method = (context.Resource as HttpContext)?.Request.Method;
                var needed = HttpMethods.IsGet(method ?? "") || HttpMethods.IsHead(method ?? "") ? read : write;
                return context.User.HasClaim(InternalToken.ScopeClaim, needed);
            }));
    }
}
