using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPlatform.ServiceDefaults.Security;

/// <summary>
/// Services accept a request only with a valid internal token from the gateway; every endpoint requires one
/// unless it opts out (health, OpenAPI). The token's tenant becomes the request's <see cref="TenantContext"/>.
/// </summary>
public static class InternalAuthentication
{
    public static IHostApplicationBuilder AddInternalAuthentication(this IHostApplicationBuilder builder)
    {
        var signingKey = InternalToken.ReadSigningKey(builder.Configuration);
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = InternalToken.Issuer,
                    ValidAudience = InternalToken.Audience,
                    IssuerSigningKey = signingKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(5),
                    NameClaimType = InternalToken.KeyIdClaim,
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(InternalToken.TenantClaim)
                .Build());
        return builder;
    }

    /// <summary>Authentication, authorization, then the tenant context from the token's claims.</summary>
    public static WebApplication UseInternalAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use((context, next) =>
        {
            var tenantClaim = context.User.FindFirst(InternalToken.TenantClaim)?.Value;
            if (Guid.TryParse(tenantClaim, out var tenantId))
            {
                context.RequestServices.GetRequiredService<TenantContext>()
                    .Set(tenantId, context.User.FindFirst(InternalToken.BranchClaim)?.Value);
            }

            return next(context);
        });
        return app;
    }
}
