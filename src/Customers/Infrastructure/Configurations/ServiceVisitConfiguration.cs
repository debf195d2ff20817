using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class ServiceVisitConfiguration : IEntityTypeConfiguration<ServiceVisit>
{
    public void Configure(EntityTypeBuilder<ServiceVisit> builder)
    {
        builder.HasKey(visit => visit.Id);
        builder.Property(visit => visit.Id).ValueGeneratedNever();
        builder.Property(visit => visit.Branch).HasMaxLength(50);
        builder.Property(visit => visit.StaffMember).HasMaxLength(200);
        builder.Property(visit => visit.Service).HasMaxLength(2000);
        builder.Property(visit => visit.Notes).HasMaxLength(4000);
        builder.HasOne<Customer>().WithMany().HasForeignKey(visit => visit.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(visit => new { visit.TenantId, visit.CustomerId, visit.OccurredAt, visit.Id })
            .HasDatabaseName("ix_service_visits_tenant_customer_occurred_at");
    }
}
