using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class SurveyTriggerSetConfiguration : IEntityTypeConfiguration<SurveyTriggerSet>
{
    public void Configure(EntityTypeBuilder<SurveyTriggerSet> builder)
    {
        builder.ToTable("survey_triggers");
        builder.HasKey(set => new { set.TenantId, set.SurveyId });
        builder.Property(set => set.Triggers).HasJsonColumn();
        builder.Property(set => set.Version).IsRowVersion();
        builder.HasOne<SurveyTemplate>().WithMany().HasForeignKey(set => set.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
