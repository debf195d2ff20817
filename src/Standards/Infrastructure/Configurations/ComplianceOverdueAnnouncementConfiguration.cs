using CustomerPlatform.Standards.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ComplianceOverdueAnnouncementConfiguration : IEntityTypeConfiguration<ComplianceOverdueAnnouncement>
{
    public void Configure(EntityTypeBuilder<ComplianceOverdueAnnouncement> builder)
    {
        // The key is the rule: one announcement per item and due time.
        builder.HasKey(announcement => new { announcement.ItemId, announcement.DueAt });
        builder.HasOne<ComplianceItem>().WithMany().HasForeignKey(announcement => announcement.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
