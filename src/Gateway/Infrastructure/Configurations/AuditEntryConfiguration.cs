using CustomerPlatform.Gateway.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Gateway.Infrastructure.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Branch).HasMaxLength(50);
        builder.Property(entry => entry.Method).HasMaxLength(10);
        builder.Property(entry => entry.Route).HasMaxLength(AuditEntry.MaxRouteLength);
        builder.Property(entry => entry.CorrelationId).HasMaxLength(AuditEntry.MaxCorrelationIdLength);

        // Serves the business's newest-first keyset paging; no foreign key to businesses, so the batched,
        // append-only inserts check nothing (every tenant id comes from a key that exists).
        builder.HasIndex(entry => new { entry.TenantId, entry.OccurredAt, entry.Id }).HasDatabaseName("ix_audit_entries_tenant_occurred");
        // A customer's personal-data export lists the requests that acted on them; without this it read the whole log.
        builder.HasIndex(entry => new { entry.TenantId, entry.TargetId, entry.OccurredAt })
            .HasFilter("target_id IS NOT NULL")
            .HasDatabaseName("ix_audit_entries_tenant_target");
    }
}
