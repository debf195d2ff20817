using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain.Measurable;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ServiceStandardConfiguration : IEntityTypeConfiguration<ServiceStandard>
{
    public void Configure(EntityTypeBuilder<ServiceStandard> builder)
    {
        builder.HasKey(standard => standard.Id);
        builder.Property(standard => standard.Name).HasMaxLength(ServiceStandard.MaxNameLength);
        builder.Property(standard => standard.Metric).HasMaxLength(60);
        builder.Property(standard => standard.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(standard => standard.Terms).HasJsonColumn();
        builder.Property(standard => standard.Version).IsRowVersion();
        builder.Ignore(standard => standard.SetsComplaintTargets);
        // The list pages by (created_at, id) within a business; publishing reads a business's active ones by metric.
        builder.HasIndex(standard => new { standard.TenantId, standard.CreatedAt, standard.Id }).HasDatabaseName("ix_service_standards_tenant_created");
        builder.HasIndex(standard => new { standard.TenantId, standard.Status, standard.Metric }).HasDatabaseName("ix_service_standards_tenant_status_metric");
        builder.HasMany(standard => standard.Versions).WithOne().HasForeignKey(version => version.StandardId).OnDelete(DeleteBehavior.Cascade);
    }
}
