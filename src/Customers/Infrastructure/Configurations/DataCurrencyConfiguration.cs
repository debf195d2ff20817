using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

/// <summary>
/// The customer columns and indexes data currency needs, kept beside its feature rather than in
/// <see cref="CustomerConfiguration"/>; EF applies both configurations to the one entity.
/// </summary>
internal sealed class CustomerDataCurrencyConfiguration : IEntityTypeConfiguration<Customer>
{
    /// <summary>The normalised postcode (upper case, no spaces) duplicate detection compares; computed by PostgreSQL.</summary>
    public const string PostcodeKey = "PostcodeKey";

    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property<string?>(PostcodeKey)
            .HasComputedColumnSql("upper(replace(address ->> 'postalCode', ' ', ''))", stored: true);
        // Name-and-postcode candidates are the few customers at one postcode, checked for name similarity: a btree
        // range is far narrower than the trigram index's matches across every business.
        builder.HasIndex(nameof(Customer.TenantId), PostcodeKey).HasDatabaseName("ix_customers_tenant_postcode_key")
            .HasFilter("archived_at IS NULL");
        // The "not verified for N months" list, oldest first.
        builder.HasIndex(customer => new { customer.TenantId, customer.VerifiedAt, customer.Id }).HasDatabaseName("ix_customers_tenant_verified_at");
    }
}

internal sealed class DuplicateDismissalConfiguration : IEntityTypeConfiguration<DuplicateDismissal>
{
    public void Configure(EntityTypeBuilder<DuplicateDismissal> builder)
    {
        builder.HasKey(dismissal => new { dismissal.TenantId, dismissal.CustomerA, dismissal.CustomerB });
    }
}

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> builder)
    {
        builder.HasKey(candidate => new { candidate.TenantId, candidate.CustomerA, candidate.CustomerB });
        builder.Property(candidate => candidate.Score).HasPrecision(4, 3);
        builder.Property(candidate => candidate.Reasons).HasColumnType("text[]");
        // The list pages by (score, pair) descending: the index read backwards, the cursor one row comparison that
        // starts the range (a mixed-direction order would filter every row before the cursor).
        builder.HasIndex(candidate => new { candidate.TenantId, candidate.Score, candidate.CustomerA, candidate.CustomerB })
            .HasDatabaseName("ix_duplicate_candidates_tenant_score");
    }
}

internal sealed class DuplicateScanConfiguration : IEntityTypeConfiguration<DuplicateScan>
{
    public void Configure(EntityTypeBuilder<DuplicateScan> builder)
    {
        builder.HasKey(scan => scan.TenantId);
    }
}

internal sealed class DataCurrencySettingsConfiguration : IEntityTypeConfiguration<DataCurrencySettings>
{
    public void Configure(EntityTypeBuilder<DataCurrencySettings> builder)
    {
        builder.ToTable("data_currency_settings");
        builder.HasKey(settings => settings.TenantId);
        builder.Property(settings => settings.Version).IsRowVersion();
    }
}
