using CustomerPlatform.Standards.Domain.Measurable;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class ComplaintTargetPublicationConfiguration : IEntityTypeConfiguration<ComplaintTargetPublication>
{
    public void Configure(EntityTypeBuilder<ComplaintTargetPublication> builder)
    {
        builder.HasKey(publication => publication.TenantId);
        builder.Property(publication => publication.Version).IsRowVersion();
    }
}
