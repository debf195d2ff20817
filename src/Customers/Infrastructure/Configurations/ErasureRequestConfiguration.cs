using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> builder)
    {
        builder.HasKey(request => request.Id);
        builder.Property(request => request.Id).ValueGeneratedNever();
        builder.Property(request => request.ServiceCompletions).HasJsonColumn();
        builder.Property(request => request.Version).IsRowVersion();
        builder.HasOne<Customer>().WithMany().HasForeignKey(request => request.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(request => new { request.TenantId, request.CustomerId }).IsUnique()
            .HasDatabaseName("ux_erasure_requests_tenant_customer");
    }
}
