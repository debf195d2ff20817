using CustomerPlatform.Feedback.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ComplaintNoteConfiguration : IEntityTypeConfiguration<ComplaintNote>
{
    public void Configure(EntityTypeBuilder<ComplaintNote> builder)
    {
        builder.HasKey(note => note.Id);
        builder.Property(note => note.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(note => note.Text).HasMaxLength(ComplaintNote.MaxTextLength);
        builder.Property(note => note.Author).HasMaxLength(Complaint.MaxPersonLength);
        builder.HasIndex(note => new { note.TenantId, note.ComplaintId, note.WrittenAt })
            .HasDatabaseName("ix_complaint_notes_tenant_complaint_written_at");
    }
}
