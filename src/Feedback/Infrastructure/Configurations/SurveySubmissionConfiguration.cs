using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class SurveySubmissionConfiguration : IEntityTypeConfiguration<SurveySubmission>
{
    public void Configure(EntityTypeBuilder<SurveySubmission> builder)
    {
        // The API calls them responses; the table keeps the API's word.
        builder.ToTable("survey_responses");
        builder.HasKey(response => response.Id);
        builder.Property(response => response.Branch).HasMaxLength(SurveySubmission.MaxBranchLength);
        builder.Property(response => response.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(response => response.Language).HasMaxLength(SurveyContent.MaxLanguageTagLength);
        builder.Property(response => response.Answers).HasJsonColumn();
        builder.HasOne<SurveyVersion>().WithMany()
            .HasForeignKey(response => new { response.TenantId, response.SurveyId, response.SurveyVersion })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(response => new { response.TenantId, response.SurveyId, response.AnsweredAt, response.Id })
            .HasDatabaseName("ix_survey_responses_tenant_survey_answered_at");
        builder.HasIndex(response => new { response.TenantId, response.CustomerId })
            .HasDatabaseName("ix_survey_responses_tenant_customer");
    }
}
