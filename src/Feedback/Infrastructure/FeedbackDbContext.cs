using CustomerPlatform.Feedback.Domain;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Messaging;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Infrastructure;

public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : ServiceDbContext(options)
{
    public DbSet<FeedbackItem> FeedbackItems => Set<FeedbackItem>();
    public DbSet<SurveyTemplate> SurveyTemplates => Set<SurveyTemplate>();
    public DbSet<SurveyVersion> SurveyVersions => Set<SurveyVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }
}
