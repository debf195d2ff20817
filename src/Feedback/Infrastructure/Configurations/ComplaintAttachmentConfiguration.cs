using CustomerPlatform.Feedback.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ComplaintAttachmentConfiguration : IEntityTypeConfiguration<ComplaintAttachment>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachment> builder)
    {
        builder.HasKey(attachment => attachment.Id);
        builder.Property(attachment => attachment.Url).HasMaxLength(ComplaintAttachment.MaxUrlLength);
        builder.Property(attachment => attachment.Title).HasMaxLength(ComplaintAttachment.MaxTitleLength);
        builder.HasIndex(attachment => new { attachment.TenantId, attachment.ComplaintId, attachment.AttachedAt })
            .HasDatabaseName("ix_complaint_attachments_tenant_complaint_attached_at");
    }
}
