using System.Linq.Expressions;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.ServiceDefaults.Persistence;

/// <summary>
/// Base of every service's DbContext: applies the service's entity configurations, filters every
/// <see cref="ITenantOwned"/> entity by the current tenant, and refuses to save a row for another tenant.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Set by the scoped factory each time the pooled context is handed out.</summary>
    public TenantContext? Tenant { get; set; }

    /// <summary>
    /// Read by the query filters on every query (EF parameterises this member), so a context with no tenant
    /// sees no tenant-owned rows at all rather than everyone's.
    /// </summary>
    protected Guid CurrentTenantId => Tenant is { IsSet: true } tenant ? tenant.TenantId : Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(type => typeof(ITenantOwned).IsAssignableFrom(type.ClrType) && type.BaseType is null))
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.TenantId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentTenantId))),
                row);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(filter);
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenantOwnership();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantOwnership();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    // A last line of defence: a handler bug that writes a row for another tenant fails instead of leaking.
    private void GuardTenantOwnership()
    {
        var tenantId = CurrentTenantId;
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.TenantId != tenantId)
            {
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} of another tenant cannot be saved in this unit of work.");
            }
        }
    }
}
