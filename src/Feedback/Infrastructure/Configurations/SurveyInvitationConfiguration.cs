using CustomerPlatform.Feedback.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("survey_invitations");
        builder.HasKey(invitation => invitation.Id);
        builder.Property(invitation => invitation.Branch).HasMaxLength(SurveyInvitation.MaxBranchLength);
        builder.Property(invitation => invitation.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(invitation => invitation.Reason).HasConversion<string>().HasMaxLength(30);
        builder.Property(invitation => invitation.Version).IsRowVersion();
        builder.Property(invitation => invitation.Language).HasMaxLength(SurveyContent.MaxLanguageTagLength);
        builder.HasOne<SurveyVersion>().WithMany()
            .HasForeignKey(invitation => new { invitation.TenantId, invitation.SurveyId, invitation.SurveyVersion })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(invitation => new { invitation.TenantId, invitation.SurveyId, invitation.CreatedAt })
            .HasDatabaseName("ix_survey_invitations_tenant_survey_created_at");
        // The quiet period asks when a customer was last invited.
        builder.HasIndex(invitation => new { invitation.TenantId, invitation.CustomerId, invitation.CreatedAt })
            .HasDatabaseName("ix_survey_invitations_tenant_customer_created_at");
        // One invitation per survey per purchase, visit or complaint, however often the event arrives.
        builder.HasIndex(invitation => new { invitation.TenantId, invitation.SurveyId, invitation.Reason, invitation.SourceId })
            .IsUnique()
            .HasFilter("source_id IS NOT NULL")
            .HasDatabaseName("ux_survey_invitations_tenant_survey_source");
        // The closed loop asks which invitation, if any, a response came through.
        builder.HasIndex(invitation => new { invitation.TenantId, invitation.ResponseId })
            .HasFilter("response_id IS NOT NULL")
            .HasDatabaseName("ix_survey_invitations_tenant_response");
    }
}
