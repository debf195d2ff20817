using CustomerPlatform.Feedback.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.HasKey(complaint => complaint.Id);
        builder.Property(complaint => complaint.Branch).HasMaxLength(50);
        builder.Property(complaint => complaint.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(complaint => complaint.Category).HasMaxLength(Complaint.MaxCodeLength);
        builder.Property(complaint => complaint.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(complaint => complaint.Description).HasMaxLength(Complaint.MaxDescriptionLength);
        builder.Property(complaint => complaint.AssignedTo).HasMaxLength(Complaint.MaxPersonLength);
        builder.Property(complaint => complaint.RootCause).HasMaxLength(Complaint.MaxCodeLength);
        builder.Property(complaint => complaint.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(complaint => complaint.ExternalBody).HasMaxLength(Complaint.MaxExternalLength);
        builder.Property(complaint => complaint.ExternalReference).HasMaxLength(Complaint.MaxExternalLength);
        builder.Property(complaint => complaint.Version).IsRowVersion();
        builder.HasMany(complaint => complaint.Transitions).WithOne().HasForeignKey(transition => transition.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(complaint => complaint.Notes).WithOne().HasForeignKey(note => note.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(complaint => complaint.Clock).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(complaint => complaint.AcknowledgeStandard);
        builder.ComplexProperty(complaint => complaint.ResolveStandard);
        builder.HasMany(complaint => complaint.Waits).WithOne().HasForeignKey(wait => wait.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(complaint => complaint.Attachments).WithOne().HasForeignKey(attachment => attachment.ComplaintId).OnDelete(DeleteBehavior.Cascade);

        // The list is newest first, filtered by at most one of these in the usual work queue views.
        builder.HasIndex(complaint => new { complaint.TenantId, complaint.ReceivedAt, complaint.Id })
            .HasDatabaseName("ix_complaints_tenant_received_at");
        builder.HasIndex(complaint => new { complaint.TenantId, complaint.Status, complaint.ReceivedAt, complaint.Id })
            .HasDatabaseName("ix_complaints_tenant_status_received_at");
        builder.HasIndex(complaint => new { complaint.TenantId, complaint.Branch, complaint.ReceivedAt, complaint.Id })
            .HasDatabaseName("ix_complaints_tenant_branch_received_at");
        builder.HasIndex(complaint => new { complaint.TenantId, complaint.AssignedTo, complaint.ReceivedAt, complaint.Id })
            .HasDatabaseName("ix_complaints_tenant_assigned_to_received_at");
        // ?overdue=true and the overdue gauge: only running clocks have a next due time.
        builder.HasIndex(complaint => new { complaint.TenantId, complaint.NextDueAt })
            .HasDatabaseName("ix_complaints_tenant_next_due_at")
            .HasFilter("next_due_at IS NOT NULL");
        // Erasure and the personal-data export find a customer's cases; "code in use" checks find a category's.
        builder.HasIndex(complaint => new { complaint.TenantId, complaint.CustomerId })
            .HasDatabaseName("ix_complaints_tenant_customer");
        builder.HasIndex(complaint => new { complaint.TenantId, complaint.Category })
            .HasDatabaseName("ix_complaints_tenant_category");
        builder.HasIndex(complaint => new { complaint.TenantId, complaint.RootCause })
            .HasDatabaseName("ix_complaints_tenant_root_cause");
        // A redelivered or republished response opens one case, whatever the message id.
        builder.HasIndex(complaint => new { complaint.TenantId, complaint.SourceResponseId })
            .IsUnique()
            .HasFilter("source_response_id IS NOT NULL")
            .HasDatabaseName("ux_complaints_tenant_source_response");
    }
}
