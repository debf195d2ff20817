using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPlatform.ServiceDefaults.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without any running infrastructure
/// (no connection is opened), with the same provider conventions the running service uses.
/// Each service derives one line from it so the tool finds it in the startup assembly.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        PersistenceExtensions.UsePlatformConventions(options, "Host=localhost");
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
