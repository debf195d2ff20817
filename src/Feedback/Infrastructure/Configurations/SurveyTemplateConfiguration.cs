using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> builder)
    {
        builder.HasKey(template => template.Id);
        builder.Property(template => template.Name).HasMaxLength(SurveyContent.MaxNameLength);
        builder.Property(template => template.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(template => template.DefaultLanguage).HasMaxLength(SurveyContent.MaxLanguageTagLength);
        builder.Property(template => template.Questions).HasJsonColumn();
        builder.Property(template => template.Branches).HasColumnType("text[]");
        builder.Property(template => template.Version).IsRowVersion();
        builder.Ignore(template => template.Status);
        builder.Ignore(template => template.Content);
        builder.HasIndex(template => new { template.TenantId, template.CreatedAt, template.Id })
            .HasDatabaseName("ix_survey_templates_tenant_created_at");
    }
}
