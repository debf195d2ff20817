using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.HasKey(version => new { version.TenantId, version.PolicyId, version.Number });
        builder.Property(version => version.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(version => version.Body).HasMaxLength(PolicyContent.MaxBodyLength);
        builder.Property(version => version.Clauses).HasJsonColumn();
        builder.Property(version => version.Owner).HasMaxLength(PolicyContent.MaxOwnerLength);
        builder.Property(version => version.Branches).HasColumnType("text[]");
        builder.Property(version => version.Version).IsRowVersion();
        builder.Ignore(version => version.Content);
        builder.HasOne<Policy>().WithMany().HasForeignKey(version => version.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}
