using CustomerPlatform.Standards.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Standards.Infrastructure.Configurations;

internal sealed class CharterPublicationConfiguration : IEntityTypeConfiguration<CharterPublication>
{
    public void Configure(EntityTypeBuilder<CharterPublication> builder)
    {
        builder.HasKey(publication => publication.TenantId);
        builder.Property(publication => publication.Handle).HasMaxLength(22);
        builder.Property(publication => publication.Title).HasMaxLength(CharterPublication.MaxTitleLength);
        // The public page finds the business by handle alone, across tenants.
        builder.HasIndex(publication => publication.Handle).IsUnique().HasDatabaseName("ux_charter_publications_handle");
    }
}
