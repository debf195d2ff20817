using CustomerPlatform.Standards.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ComplianceCheckConfiguration : IEntityTypeConfiguration<ComplianceCheck>
{
    public void Configure(EntityTypeBuilder<ComplianceCheck> builder)
    {
        builder.HasKey(check => check.Id);
        builder.HasOne<ComplianceItem>().WithMany().HasForeignKey(check => check.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(check => check.CheckedBy).HasMaxLength(ComplianceCheckDetails.MaxCheckedByLength);
        builder.Property(check => check.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(check => check.Description).HasMaxLength(ComplianceCheckDetails.MaxDescriptionLength);
        builder.Property(check => check.Links).HasColumnType("text[]");
        builder.HasIndex(check => new { check.ItemId, check.CheckedAt, check.Id })
            .HasDatabaseName("ix_compliance_checks_item_checked_at");
        builder.HasIndex(check => new { check.TenantId, check.CheckedAt })
            .HasDatabaseName("ix_compliance_checks_tenant_checked_at");
    }
}
