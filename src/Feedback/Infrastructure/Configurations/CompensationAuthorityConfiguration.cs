using CustomerPlatform.Feedback.Domain.Compensations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class CompensationAuthorityConfiguration : IEntityTypeConfiguration<CompensationAuthority>
{
    public void Configure(EntityTypeBuilder<CompensationAuthority> builder)
    {
        builder.HasKey(authority => new { authority.TenantId, authority.Role });
        builder.Property(authority => authority.Role).HasMaxLength(CompensationAuthority.MaxRoleLength);
        builder.Property(authority => authority.Currency).HasMaxLength(3);
        builder.ComplexProperty(authority => authority.Limits, limits =>
        {
            limits.Property(limit => limit.Refund).HasPrecision(18, 4);
            limits.Property(limit => limit.CreditNote).HasPrecision(18, 4);
            limits.Property(limit => limit.Replacement).HasPrecision(18, 4);
        });
    }
}
