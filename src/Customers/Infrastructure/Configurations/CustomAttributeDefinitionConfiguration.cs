using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomAttributeDefinitionConfiguration : IEntityTypeConfiguration<CustomAttributeDefinition>
{
    public void Configure(EntityTypeBuilder<CustomAttributeDefinition> builder)
    {
        builder.HasKey(definition => new { definition.TenantId, definition.Key });
        builder.Property(definition => definition.Key).HasMaxLength(50);
        builder.Property(definition => definition.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(definition => definition.Label).HasMaxLength(100);
    }
}
