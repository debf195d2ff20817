using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class SurveyVersionConfiguration : IEntityTypeConfiguration<SurveyVersion>
{
    public void Configure(EntityTypeBuilder<SurveyVersion> builder)
    {
        builder.HasKey(version => new { version.TenantId, version.SurveyId, version.Number });
        builder.Property(version => version.Name).HasMaxLength(SurveyContent.MaxNameLength);
        builder.Property(version => version.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(version => version.DefaultLanguage).HasMaxLength(SurveyContent.MaxLanguageTagLength);
        builder.Property(version => version.Questions).HasJsonColumn();
        builder.Property(version => version.Branches).HasColumnType("text[]");
        builder.HasOne<SurveyTemplate>().WithMany().HasForeignKey(version => version.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
