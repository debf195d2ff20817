using CustomerPlatform.Feedback.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ComplaintWaitConfiguration : IEntityTypeConfiguration<ComplaintWait>
{
    public void Configure(EntityTypeBuilder<ComplaintWait> builder)
    {
        builder.HasKey(wait => wait.Id);
        builder.HasIndex(wait => new { wait.TenantId, wait.ComplaintId, wait.StartedAt })
            .HasDatabaseName("ix_complaint_waits_tenant_complaint_started_at");
    }
}
