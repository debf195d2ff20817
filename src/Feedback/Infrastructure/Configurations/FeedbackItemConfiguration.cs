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

        builder.Property(item => item.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(item => item.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(item => item.AboutType).HasConversion<string>().HasMaxLength(20);
        builder.Property(item => item.AboutReference).HasMaxLength(FeedbackItem.MaxReferenceLength);
        builder.Property(item => item.StaffMember).HasMaxLength(FeedbackItem.MaxStaffMemberLength);
        builder.Property(item => item.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(item => item.Tags).HasColumnType("text[]");

        builder.HasIndex(item => new { item.TenantId, item.Branch, item.ReceivedAt }).HasDatabaseName("ix_feedback_items_tenant_branch_received_at");
        builder.HasIndex(item => new { item.TenantId, item.ReceivedAt, item.Id }).HasDatabaseName("ix_feedback_items_tenant_received_at");
        builder.HasIndex(item => new { item.TenantId, item.Kind, item.From, item.ReceivedAt }).HasDatabaseName("ix_feedback_items_tenant_kind_from_received_at");
        // Over the tags alone, as Customers' tags: a tag is selective on its own, the tenant filter narrows after.
        builder.HasIndex(item => item.Tags).HasMethod("gin").HasDatabaseName("ix_feedback_items_tags");
    }
}
