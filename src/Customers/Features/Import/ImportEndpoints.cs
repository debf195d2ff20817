using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>CSV import jobs: start (or dry-run), follow, download the error report, revert.</summary>
public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImports(this RouteGroupBuilder group)
    {
        group.MapStartImport();
        group.MapGetImport();
        group.MapRevertImport();
        return group;
    }

    public static WebApplicationBuilder AddImports(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ImportSignal>();
        builder.Services.AddHostedService<ImportWorker>();
        return builder;
    }
}
