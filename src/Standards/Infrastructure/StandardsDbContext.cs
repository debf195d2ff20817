using CustomerPlatform.Messaging;
using CustomerPlatform.Messaging.Branches;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Domain.Complaints;
using CustomerPlatform.Standards.Domain.Measurable;
using CustomerPlatform.Standards.Domain.Compliance;
using CustomerPlatform.Standards.Domain.Periods;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Infrastructure;

public sealed class StandardsDbContext(DbContextOptions<StandardsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<BranchDayCounts> BranchDayCounts => Set<BranchDayCounts>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<ServiceStandard> ServiceStandards => Set<ServiceStandard>();
    public DbSet<ServiceStandardVersion> ServiceStandardVersions => Set<ServiceStandardVersion>();
    public DbSet<ComplaintTargetPublication> ComplaintTargetPublications => Set<ComplaintTargetPublication>();
    public DbSet<ComplianceItem> ComplianceItems => Set<ComplianceItem>();
    public DbSet<ComplianceCheck> ComplianceChecks => Set<ComplianceCheck>();
    public DbSet<ComplianceOverdueAnnouncement> ComplianceOverdueAnnouncements => Set<ComplianceOverdueAnnouncement>();
    public DbSet<PolicyArea> PolicyAreas => Set<PolicyArea>();
    public DbSet<Policy> Policies => Set<Policy>();
    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<PolicyAcknowledgement> PolicyAcknowledgements => Set<PolicyAcknowledgement>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<CharterPublication> CharterPublications => Set<CharterPublication>();
    public DbSet<ComplaintClock> ComplaintClocks => Set<ComplaintClock>();
    public DbSet<ComplaintDeadline> ComplaintDeadlines => Set<ComplaintDeadline>();
    public DbSet<StandardBreach> StandardBreaches => Set<StandardBreach>();
    public DbSet<ServicePeriodSettings> ServicePeriodSettings => Set<ServicePeriodSettings>();
    public DbSet<PeriodCloseDue> PeriodCloseDues => Set<PeriodCloseDue>();
    public DbSet<ClosedPeriod> ClosedPeriods => Set<ClosedPeriod>();
    public DbSet<ClosedPeriodResult> ClosedPeriodResults => Set<ClosedPeriodResult>();
    public DbSet<ReviewAction> ReviewActions => Set<ReviewAction>();
    public DbSet<StaffSuggestion> StaffSuggestions => Set<StaffSuggestion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddBranchDirectory();
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }
}
