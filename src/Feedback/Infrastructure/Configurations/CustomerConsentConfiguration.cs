using CustomerPlatform.Feedback.Domain.Triggers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Feedback.Infrastructure.Configurations;

internal sealed class CustomerConsentConfiguration : IEntityTypeConfiguration<CustomerConsent>
{
    public void Configure(EntityTypeBuilder<CustomerConsent> builder)
    {
        builder.ToTable("customer_consents");
        builder.HasKey(consent => new { consent.TenantId, consent.CustomerId, consent.Channel });
        builder.Property(consent => consent.Channel).HasMaxLength(CustomerConsent.MaxChannelLength);
    }
}
