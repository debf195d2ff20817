using CustomerPlatform.Standards.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ReviewActionConfiguration : IEntityTypeConfiguration<ReviewAction>
{
    public void Configure(EntityTypeBuilder<ReviewAction> builder)
    {
        builder.HasKey(review => review.Id);
        builder.Property(review => review.Metric).HasMaxLength(ReviewAction.MaxMetricLength);
        builder.Property(review => review.Branch).HasMaxLength(ReviewAction.MaxBranchLength);
        builder.Property(review => review.BreachedComplaintIds).HasColumnType("uuid[]");
        builder.Property(review => review.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(review => review.Owner).HasMaxLength(ReviewAction.MaxOwnerLength);
        builder.Property(review => review.Notes).HasMaxLength(ReviewAction.MaxNotesLength);
        builder.Property(review => review.OutcomeKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(review => review.OutcomeReason).HasMaxLength(ReviewOutcome.MaxReasonLength);
        builder.Property(review => review.Version).IsRowVersion();
        builder.Ignore(review => review.Outcome);
        // A period closes once, but its event may be delivered again under another message id: one review per failing.
        builder.HasIndex(review => new { review.TenantId, review.PeriodId, review.StandardId, review.Branch })
            .IsUnique()
            .HasDatabaseName("ux_review_actions_tenant_period_standard_branch");
        builder.HasIndex(review => new { review.TenantId, review.OpenedAt, review.Id })
            .HasDatabaseName("ix_review_actions_tenant_opened_at");
        // An acknowledgement looks up the reviews waiting on its policy version.
        builder.HasIndex(review => new { review.TenantId, review.OutcomePolicyId, review.OutcomePolicyVersion })
            .HasDatabaseName("ix_review_actions_tenant_waiting_policy")
            .HasFilter("status = 'Changed'");
    }
}
