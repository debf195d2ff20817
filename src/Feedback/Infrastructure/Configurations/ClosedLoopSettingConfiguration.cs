using CustomerPlatform.Feedback.Domain.ClosedLoop;
using CustomerPlatform.Feedback.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ClosedLoopSettingConfiguration : IEntityTypeConfiguration<ClosedLoopSetting>
{
    public void Configure(EntityTypeBuilder<ClosedLoopSetting> builder)
    {
        builder.ToTable("closed_loop_settings");
        // The business default is the row with the empty survey id, so default and overrides share one key and one read.
        builder.HasKey(setting => new { setting.TenantId, setting.SurveyId });
        builder.Property(setting => setting.Category).HasMaxLength(Complaint.MaxCodeLength);
        builder.Property(setting => setting.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(setting => setting.Version).IsRowVersion();
        builder.Ignore(setting => setting.IsBusinessDefault);
    }
}
