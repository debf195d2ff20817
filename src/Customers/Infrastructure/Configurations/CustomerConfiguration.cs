using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasKey(customer => customer.Id);
        builder.Property(customer => customer.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(customer => customer.DisplayName).HasMaxLength(CustomerDetails.MaxNameLength);
        builder.Property(customer => customer.GivenName).HasMaxLength(CustomerDetails.MaxNameLength);
        builder.Property(customer => customer.FamilyName).HasMaxLength(CustomerDetails.MaxNameLength);
        builder.Property(customer => customer.CompanyName).HasMaxLength(CustomerDetails.MaxNameLength);
        builder.Property(customer => customer.ContactPerson).HasMaxLength(CustomerDetails.MaxNameLength);
        builder.Property(customer => customer.Emails).HasColumnType("text[]");
        builder.Property(customer => customer.Phones).HasColumnType("text[]");
        builder.Property(customer => customer.Address).HasJsonColumn();
        builder.Property(customer => customer.PreferredChannel).HasConversion<string>().HasMaxLength(20);
        builder.Property(customer => customer.PreferredLanguage).HasMaxLength(35);
        builder.Property(customer => customer.HomeBranch).HasMaxLength(50);
        builder.Property(customer => customer.SpecialNeeds).HasMaxLength(CustomerDetails.MaxNotesLength);
        builder.Property(customer => customer.AccessibilityNotes).HasMaxLength(CustomerDetails.MaxNotesLength);
        builder.Property(customer => customer.RatingReason).HasMaxLength(500);
        builder.Property(customer => customer.Tags).HasColumnType("text[]");
        builder.Property(customer => customer.Attributes).HasJsonColumn();
        builder.Property(customer => customer.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(customer => customer.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(customer => customer.Consent).HasJsonColumn();
        builder.Property(customer => customer.Version).IsRowVersion();
        builder.Ignore(customer => customer.PrimaryEmail);
        builder.Ignore(customer => customer.PrimaryPhone);
        builder.Ignore(customer => customer.IsArchived);

        // Any of a customer's addresses or numbers, or any tag, is found through one GIN index each (array @> ARRAY[...]).
        builder.HasIndex(customer => new { customer.TenantId, customer.Emails }).HasMethod("gin").HasDatabaseName("ix_customers_tenant_emails");
        builder.HasIndex(customer => new { customer.TenantId, customer.Phones }).HasMethod("gin").HasDatabaseName("ix_customers_tenant_phones");
        builder.HasIndex(customer => new { customer.TenantId, customer.Tags }).HasMethod("gin").HasDatabaseName("ix_customers_tenant_tags");
    }
}
