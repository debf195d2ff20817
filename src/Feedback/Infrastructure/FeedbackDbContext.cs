using CustomerPlatform.Feedback.Domain;
using CustomerPlatform.Feedback.Domain.ClosedLoop;
using CustomerPlatform.Feedback.Domain.Compensations;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Features.Reports;
using CustomerPlatform.Messaging;
using CustomerPlatform.Messaging.Branches;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Infrastructure;

public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : ServiceDbContext(options)
{
    public DbSet<FeedbackItem> FeedbackItems => Set<FeedbackItem>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintTransition> ComplaintTransitions => Set<ComplaintTransition>();
    public DbSet<ComplaintNote> ComplaintNotes => Set<ComplaintNote>();
    public DbSet<ComplaintAttachment> ComplaintAttachments => Set<ComplaintAttachment>();
    public DbSet<ComplaintCode> ComplaintCodes => Set<ComplaintCode>();
    public DbSet<Compensation> Compensations => Set<Compensation>();
    public DbSet<CompensationAuthority> CompensationAuthorities => Set<CompensationAuthority>();
    public DbSet<SurveyTemplate> SurveyTemplates => Set<SurveyTemplate>();
    public DbSet<SurveyVersion> SurveyVersions => Set<SurveyVersion>();
    public DbSet<SurveySubmission> SurveyResponses => Set<SurveySubmission>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
    public DbSet<ComplaintTargetSet> ComplaintTargets => Set<ComplaintTargetSet>();
    public DbSet<ComplaintWait> ComplaintWaits => Set<ComplaintWait>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<SurveyTriggerSet> SurveyTriggers => Set<SurveyTriggerSet>();
    public DbSet<ScheduledInvitation> ScheduledInvitations => Set<ScheduledInvitation>();
    public DbSet<CustomerConsent> CustomerConsents => Set<CustomerConsent>();
    public DbSet<ReportSettings> ReportSettings => Set<ReportSettings>();
    public DbSet<ScoreDay> ScoreDays => Set<ScoreDay>();
    public DbSet<SegmentMembership> SegmentMemberships => Set<SegmentMembership>();
    public DbSet<PurchaseDay> PurchaseDays => Set<PurchaseDay>();
    public DbSet<ClosedLoopSetting> ClosedLoopSettings => Set<ClosedLoopSetting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddBranchDirectory();
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }
}
