using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.HasKey(segment => segment.Id);
        builder.Property(segment => segment.Name).HasMaxLength(Segment.MaxNameLength);
        builder.Property(segment => segment.Description).HasMaxLength(Segment.MaxDescriptionLength);
        builder.Property(segment => segment.RulesJson).HasColumnName("rules").HasColumnType("jsonb");
        builder.Property(segment => segment.Revision).IsConcurrencyToken();
        // Names are unique among a business's live segments; a deleted one being drained frees its name.
        builder.HasIndex(segment => new { segment.TenantId, segment.Name }).IsUnique().HasFilter("deleted_at IS NULL")
            .HasDatabaseName("ix_segments_tenant_name");
    }
}

internal sealed class SegmentMemberConfiguration : IEntityTypeConfiguration<SegmentMember>
{
    public void Configure(EntityTypeBuilder<SegmentMember> builder)
    {
        builder.HasKey(member => new { member.TenantId, member.SegmentId, member.CustomerId });
        builder.HasOne<Segment>().WithMany().HasForeignKey(member => member.SegmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(member => member.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
