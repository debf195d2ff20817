using CustomerPlatform.Feedback.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.HasKey(item => item.Id);
        builder.Property(item => item.Branch).HasMaxLength(50);
        builder.Property(item => item.Comment).HasMaxLength(FeedbackItem.MaxCommentLength);
        builder.HasIndex(item => new { item.TenantId, item.Branch, item.ReceivedAt }).HasDatabaseName("ix_feedback_items_tenant_branch_received_at");
    }
}
