using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerActivityConfiguration : IEntityTypeConfiguration<CustomerActivity>
{
    public void Configure(EntityTypeBuilder<CustomerActivity> builder)
    {
        builder.ToTable("customer_activities");
        builder.HasKey(activity => activity.Id);
        builder.Property(activity => activity.Type).HasMaxLength(50);
        builder.Property(activity => activity.Branch).HasMaxLength(50);
        builder.Property(activity => activity.Details).HasColumnType("jsonb");
        builder.HasIndex(activity => new { activity.TenantId, activity.Type, activity.SourceId }).IsUnique()
            .HasDatabaseName("ux_customer_activities_tenant_type_source");
        builder.HasIndex(activity => new { activity.TenantId, activity.CustomerId, activity.OccurredAt, activity.Id })
            .HasDatabaseName("ix_customer_activities_tenant_customer_occurred_at");
    }
}
