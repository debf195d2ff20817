using CustomerPlatform.Feedback.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ReportSettingsConfiguration : IEntityTypeConfiguration<ReportSettings>
{
    public void Configure(EntityTypeBuilder<ReportSettings> builder)
    {
        builder.ToTable("report_settings");
        builder.HasKey(settings => settings.TenantId);
    }
}

internal sealed class ScoreDayConfiguration : IEntityTypeConfiguration<ScoreDay>
{
    public void Configure(EntityTypeBuilder<ScoreDay> builder)
    {
        builder.ToTable("survey_score_days");
        // Day before branch: a report reads a date range of one business, then groups.
        builder.HasKey(day => new { day.TenantId, day.Day, day.Branch, day.SurveyId });
        builder.Property(day => day.Branch).HasMaxLength(50);
    }
}

internal sealed class SegmentMembershipConfiguration : IEntityTypeConfiguration<SegmentMembership>
{
    public void Configure(EntityTypeBuilder<SegmentMembership> builder)
    {
        builder.ToTable("segment_memberships");
        builder.HasKey(membership => new { membership.TenantId, membership.SegmentId, membership.CustomerId });
        builder.Property(membership => membership.SegmentName).HasMaxLength(SegmentMembership.MaxSegmentNameLength);
        builder.HasIndex(membership => new { membership.TenantId, membership.CustomerId })
            .HasDatabaseName("ix_segment_memberships_tenant_customer");
    }
}

internal sealed class PurchaseDayConfiguration : IEntityTypeConfiguration<PurchaseDay>
{
    public void Configure(EntityTypeBuilder<PurchaseDay> builder)
    {
        builder.ToTable("purchase_days");
        builder.HasKey(day => new { day.TenantId, day.Day, day.Branch });
        builder.Property(day => day.Branch).HasMaxLength(50);
    }
}
