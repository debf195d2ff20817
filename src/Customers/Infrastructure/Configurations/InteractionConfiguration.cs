using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    private const string OpenFollowUp = "follow_up_due_at IS NOT NULL AND follow_up_completed_at IS NULL";

    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.HasKey(interaction => interaction.Id);
        builder.Property(interaction => interaction.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(interaction => interaction.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.Property(interaction => interaction.Topics).HasColumnType("text[]");
        builder.Property(interaction => interaction.Summary).HasMaxLength(4000);
        builder.Property(interaction => interaction.StaffMember).HasMaxLength(100);
        builder.Property(interaction => interaction.Branch).HasMaxLength(50);
        builder.Property(interaction => interaction.FollowUpCompletedBy).HasMaxLength(100);
        builder.Property(interaction => interaction.FollowUpNote).HasMaxLength(2000);
        builder.Property(interaction => interaction.Version).IsRowVersion();
        builder.Ignore(interaction => interaction.HasOpenFollowUp);
        builder.HasOne<Customer>().WithMany().HasForeignKey(interaction => interaction.CustomerId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(interaction => new { interaction.TenantId, interaction.CustomerId, interaction.OccurredAt, interaction.Id })
            .HasDatabaseName("ix_interactions_tenant_customer_occurred_at");
        // The needs report scans a tenant's (or one branch's) interactions by time.
        builder.HasIndex(interaction => new { interaction.TenantId, interaction.OccurredAt })
            .HasDatabaseName("ix_interactions_tenant_occurred_at");
        builder.HasIndex(interaction => new { interaction.TenantId, interaction.Branch, interaction.OccurredAt })
            .HasDatabaseName("ix_interactions_tenant_branch_occurred_at");
        // Open follow-ups are few next to all interactions: partial indexes keep the work queues small and fast.
        builder.HasIndex(interaction => new { interaction.TenantId, interaction.Branch, interaction.FollowUpDueAt, interaction.Id })
            .HasDatabaseName("ix_interactions_tenant_branch_open_follow_up_due")
            .HasFilter(OpenFollowUp);
        builder.HasIndex(interaction => new { interaction.TenantId, interaction.StaffMember, interaction.FollowUpDueAt, interaction.Id })
            .HasDatabaseName("ix_interactions_tenant_staff_open_follow_up_due")
            .HasFilter(OpenFollowUp);
        builder.HasIndex(interaction => new { interaction.TenantId, interaction.FollowUpDueAt, interaction.Id })
            .HasDatabaseName("ix_interactions_tenant_open_follow_up_due")
            .HasFilter(OpenFollowUp);
    }
}
