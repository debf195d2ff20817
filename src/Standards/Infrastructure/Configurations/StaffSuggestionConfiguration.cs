using CustomerPlatform.Standards.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class StaffSuggestionConfiguration : IEntityTypeConfiguration<StaffSuggestion>
{
    public void Configure(EntityTypeBuilder<StaffSuggestion> builder)
    {
        builder.HasKey(suggestion => new { suggestion.TenantId, suggestion.FeedbackId });
        builder.Property(suggestion => suggestion.Branch).HasMaxLength(ReviewAction.MaxBranchLength);
        builder.Property(suggestion => suggestion.Tags).HasColumnType("text[]");
        builder.HasIndex(suggestion => new { suggestion.TenantId, suggestion.Branch, suggestion.OccurredAt })
            .HasDatabaseName("ix_staff_suggestions_tenant_branch_occurred_at");
    }
}
