using CustomerPlatform.Standards.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.HasKey(record => record.Id);
        builder.Property(record => record.Trainer).HasMaxLength(TrainingRecord.MaxTrainerLength);
        builder.Property(record => record.Notes).HasMaxLength(TrainingRecord.MaxNotesLength);
        builder.HasIndex(record => new { record.TenantId, record.StaffId, record.TrainedAt }).HasDatabaseName("ix_training_records_tenant_staff");
        builder.HasIndex(record => new { record.TenantId, record.PolicyId, record.TrainedAt }).HasDatabaseName("ix_training_records_tenant_policy");
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(record => record.StaffId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Policy>().WithMany().HasForeignKey(record => record.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}
