using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class ScheduledInvitationConfiguration : IEntityTypeConfiguration<ScheduledInvitation>
{
    public void Configure(EntityTypeBuilder<ScheduledInvitation> builder)
    {
        builder.ToTable("scheduled_invitations");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.TriggerKey).HasMaxLength(30);
        builder.Property(row => row.Reason).HasConversion<string>().HasMaxLength(30);
        builder.Property(row => row.Branch).HasMaxLength(SurveyInvitation.MaxBranchLength);
        builder.Property(row => row.Channels).HasJsonColumn();
        builder.Property(row => row.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(row => row.SkipReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(row => row.Version).IsRowVersion();
        builder.HasOne<SurveyTemplate>().WithMany().HasForeignKey(row => row.SurveyId).OnDelete(DeleteBehavior.Cascade);
        // A redelivered event schedules nothing twice.
        builder.HasIndex(row => new { row.TenantId, row.SurveyId, row.Reason, row.SourceId })
            .IsUnique()
            .HasDatabaseName("ux_scheduled_invitations_tenant_survey_source");
        // The worker's claim looks across tenants for pending rows that are due; the partial index stays small.
        builder.HasIndex(row => row.DueAt)
            .HasFilter("state = 'Pending'")
            .HasDatabaseName("ix_scheduled_invitations_pending_due_at");
        builder.HasIndex(row => new { row.TenantId, row.SurveyId, row.CreatedAt, row.Id })
            .HasDatabaseName("ix_scheduled_invitations_tenant_survey_created_at");
        builder.HasIndex(row => new { row.TenantId, row.CustomerId })
            .HasDatabaseName("ix_scheduled_invitations_tenant_customer");
    }
}
