using CustomerPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.Customers.Infrastructure.Configurations;

internal sealed class CustomerNameTermConfiguration : IEntityTypeConfiguration<CustomerNameTerm>
{
    public void Configure(EntityTypeBuilder<CustomerNameTerm> builder)
    {
        builder.ToTable("customer_name_terms");
        builder.HasKey(term => new { term.TenantId, term.Term });
        // Trigram lookups of a typed word among the dictionary's words: a business's distinct name words are far fewer
        // than its customers, so these posting lists stay short where the same lookup over full names read millions.
        // No pending list: a bulk load's new words would sit in it, scanned in full by every lookup until a vacuum.
        builder.HasIndex(term => term.Term).HasMethod("gin").HasOperators("gin_trgm_ops").HasStorageParameter("fastupdate", false)
            .HasDatabaseName("ix_customer_name_terms_term_trgm");
    }
}
