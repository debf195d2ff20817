using Microsoft.AspNetCore.Builder;

namespace CustomerPlatform.ServiceDefaults.Security;

/// <summary>
/// Endpoints that need one particular scope whatever the method (e.g. <c>webhooks:manage</c>), rather than a
/// service's read/write pair. Checked by authorization, before binding and validation (403 problem without it).
/// </summary>
public static class RequiredScope
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        // An endpoint's own policy replaces the fallback policy, so it repeats the fallback's requirements.
        return builder.RequireAuthorization(policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(InternalToken.TenantClaim)
            .RequireClaim(InternalToken.ScopeClaim, scope));
    }
}
