using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public const string NameTermsProperty = "NameTerms";

    /// <summary>How a display name splits into words; <c>CustomerSearch.Words</c> splits a query the same way.</summary>
    public const string NameTermsSql = "array_remove(regexp_split_to_array(lower(display_name), '[^[:alnum:]]+'), '')";

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
        builder.Property(customer => customer.ExternalId).HasMaxLength(CustomerDetails.MaxExternalIdLength);
        builder.Property(customer => customer.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(customer => customer.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(customer => customer.Consent).HasJsonColumn();
        builder.Property(customer => customer.Version).IsRowVersion();
        builder.Ignore(customer => customer.PrimaryEmail);
        builder.Ignore(customer => customer.PrimaryPhone);
        builder.Ignore(customer => customer.IsArchived);
        builder.Ignore(customer => customer.Birthday);

        // GIN indexes over the values alone, not led by tenant_id: an e-mail, a phone or a name's trigrams are selective
        // on their own, while a tenant key in a GIN index is a posting list of every one of a large tenant's rows that
        // each lookup would have to intersect. The tenant condition is checked on the few rows found.
        // No pending list (fastupdate off) for e-mails and phones: every lookup scans GIN's pending list in full, so after
        // a bulk insert each exact-key probe cost milliseconds; an import matching 10,000 rows a batch spent 11-43 s per
        // batch there. A row adds one or two keys, so writing them straight into the index costs little.
        builder.HasIndex(customer => customer.Emails).HasMethod("gin").HasStorageParameter("fastupdate", false).HasDatabaseName("ix_customers_emails");
        builder.HasIndex(customer => customer.Phones).HasMethod("gin").HasStorageParameter("fastupdate", false).HasDatabaseName("ix_customers_phones");
        builder.HasIndex(customer => customer.Tags).HasMethod("gin").HasDatabaseName("ix_customers_tags");

        // The words of the display name, lower case, for fuzzy search: a typed word is looked up in the business's
        // dictionary of name words (customer_name_terms, kept by triggers), and the customers having one of the words
        // it resembles are found here. A trigram index over the full names read the long posting lists of common
        // trigrams on every search: 36 ms p50 and 217 ms p95 at a million customers.
        builder.Property<string[]>(NameTermsProperty)
            .HasColumnName("name_terms")
            .HasComputedColumnSql(NameTermsSql, stored: true);
        builder.HasIndex(NameTermsProperty).HasMethod("gin").HasStorageParameter("fastupdate", false).HasDatabaseName("ix_customers_name_terms");

        builder.HasIndex(customer => new { customer.TenantId, customer.ExternalId })
            .IsUnique()
            .HasFilter("external_id IS NOT NULL")
            .HasDatabaseName("ux_customers_tenant_external_id");

        // Keyset pages in recency (UUIDv7 id) and name order.
        builder.HasIndex(customer => new { customer.TenantId, customer.Id }).HasDatabaseName("ix_customers_tenant_id");
        builder.HasIndex(customer => new { customer.TenantId, customer.DisplayName, customer.Id }).HasDatabaseName("ix_customers_tenant_display_name");
    }
}
