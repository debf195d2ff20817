using CustomerPlatform.Standards.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ComplianceItemConfiguration : IEntityTypeConfiguration<ComplianceItem>
{
    public void Configure(EntityTypeBuilder<ComplianceItem> builder)
    {
        builder.HasKey(item => item.Id);
        builder.Property(item => item.Title).HasMaxLength(ComplianceItemDetails.MaxTitleLength);
        builder.Property(item => item.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(item => item.CustomCategory).HasMaxLength(ComplianceItemDetails.MaxCategoryLength);
        builder.Property(item => item.SourceName).HasMaxLength(ComplianceItemDetails.MaxSourceLength);
        builder.Property(item => item.SourceSection).HasMaxLength(ComplianceItemDetails.MaxSourceLength);
        builder.Property(item => item.SourceUrl).HasMaxLength(ComplianceItemDetails.MaxUrlLength);
        builder.Property(item => item.Owner).HasMaxLength(ComplianceItemDetails.MaxOwnerLength);
        builder.Property(item => item.Branches).HasColumnType("text[]");
        builder.Property(item => item.Notes).HasMaxLength(ComplianceItemDetails.MaxNotesLength);
        builder.Property(item => item.LastOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(item => item.Version).IsRowVersion();
        builder.Ignore(item => item.Details);
        builder.HasIndex(item => new { item.TenantId, item.CreatedAt, item.Id })
            .HasDatabaseName("ix_compliance_items_tenant_created_at");
        // The overdue worker's claim: only live items with a due time are ever candidates.
        builder.HasIndex(item => item.NextDueAt)
            .HasDatabaseName("ix_compliance_items_next_due_at")
            .HasFilter("archived_at IS NULL AND next_due_at IS NOT NULL");
    }
}
