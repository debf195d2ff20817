using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;

namespace Microsoft.Extensions.Hosting;

/// <summary>The request pipeline every domain service shares, in the one order that works.</summary>
public static class ServicePipeline
{
    /// <summary>
    /// Problem details first (so every later failure is one), then the request's database retry budget, then the
    /// internal token and tenant, then body buffering for idempotent creates, then health and OpenAPI endpoints.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UsePlatformProblemDetails();
        app.UseDatabaseRetryBudget();
        app.UseInternalAuthentication();
        app.UseIdempotencyBuffering();
        app.MapDefaultEndpoints();
        return app;
    }
}
