using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.ServiceDefaults.Idempotency;

/// <summary>
/// A creating request's <c>Idempotency-Key</c> with the response it got, saved in the same transaction as its
/// effect; a replay of the key returns this response instead of acting again.
/// </summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    public required Guid TenantId { get; init; }
    public required string Key { get; init; }
    public required string Operation { get; init; }
    public required byte[] RequestHash { get; init; }
    public required int StatusCode { get; init; }
    public string? Location { get; init; }
    public string? ETag { get; init; }
    public string? ResponseBody { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(record => new { record.TenantId, record.Key });
        builder.Property(record => record.Key).HasMaxLength(IdempotencyFilter.MaxKeyLength);
        builder.Property(record => record.Operation).HasMaxLength(300);
        builder.Property(record => record.ETag).HasColumnName("etag");
        // The hourly prune deletes by age (IdempotencyRecordPruner).
        builder.HasIndex(record => record.CreatedAt).HasDatabaseName("ix_idempotency_records_created_at");
    }
}
