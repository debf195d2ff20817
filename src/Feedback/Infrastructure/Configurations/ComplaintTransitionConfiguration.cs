using CustomerPlatform.Feedback.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ComplaintTransitionConfiguration : IEntityTypeConfiguration<ComplaintTransition>
{
    public void Configure(EntityTypeBuilder<ComplaintTransition> builder)
    {
        builder.HasKey(transition => transition.Id);
        builder.Property(transition => transition.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(transition => transition.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(transition => transition.Note).HasMaxLength(ComplaintTransition.MaxNoteLength);
        builder.HasIndex(transition => new { transition.TenantId, transition.ComplaintId, transition.OccurredAt })
            .HasDatabaseName("ix_complaint_transitions_tenant_complaint_occurred_at");
    }
}
