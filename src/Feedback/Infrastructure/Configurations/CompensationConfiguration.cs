using CustomerPlatform.Feedback.Domain.Compensations;
using CustomerPlatform.Feedback.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class CompensationConfiguration : IEntityTypeConfiguration<Compensation>
{
    public void Configure(EntityTypeBuilder<Compensation> builder)
    {
        builder.HasKey(compensation => compensation.Id);
        builder.HasOne<Complaint>().WithMany(complaint => complaint.Compensations)
            .HasForeignKey(compensation => compensation.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(compensation => compensation.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(compensation => compensation.Amount).HasPrecision(18, 4);
        builder.Property(compensation => compensation.Currency).HasMaxLength(3);
        builder.Property(compensation => compensation.Reason).HasMaxLength(Compensation.MaxReasonLength);
        builder.Property(compensation => compensation.OfferedBy).HasMaxLength(Compensation.MaxPersonLength);
        builder.Property(compensation => compensation.OfferedByRole).HasMaxLength(CompensationAuthority.MaxRoleLength);
        builder.Property(compensation => compensation.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(compensation => compensation.DecidedBy).HasMaxLength(Compensation.MaxPersonLength);
        builder.Property(compensation => compensation.ApprovedByRole).HasMaxLength(CompensationAuthority.MaxRoleLength);
        builder.Property(compensation => compensation.DeclineReason).HasMaxLength(Compensation.MaxReasonLength);
        builder.Property(compensation => compensation.Version).IsRowVersion();
        builder.Ignore(compensation => compensation.IsPoints);
        builder.HasIndex(compensation => new { compensation.TenantId, compensation.ComplaintId, compensation.OfferedAt })
            .HasDatabaseName("ix_compensations_tenant_complaint_offered_at");
    }
}
