using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A CSV import job: the options it was started with, the counts so far and where it stands. Rows are processed in
/// batches, each committed with the counters, so <see cref="Processed"/> is always the number of rows whose effect
/// is in the database, and a restarted worker resumes after it.
/// </summary>
public sealed class CustomerImport : ITenantOwned
{
    private CustomerImport()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public ImportStatus Status { get; set; }
    public ImportMode Mode { get; private init; }
    public ImportMatch MatchOn { get; private init; }

    /// <summary>The file's header row, for the error report's original-value columns.</summary>
    public List<string> Header { get; private init; } = [];

    /// <summary>CSV header → field, as resolved when the job was accepted.</summary>
    public Dictionary<string, string> Mapping { get; private init; } = [];

    /// <summary>The branch a branch-restricted key was limited to: rows naming another home branch are refused.</summary>
    public string? Branch { get; private init; }

    public string? FileName { get; private init; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? RevertedAt { get; set; }

    public static CustomerImport Queue(
        Guid tenantId, ImportMode mode, ImportMatch matchOn, List<string> header, Dictionary<string, string> mapping, string? branch, string? fileName, int total, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = tenantId,
        Status = ImportStatus.Queued,
        Mode = mode,
        MatchOn = matchOn,
        Header = header,
        Mapping = mapping,
        Branch = branch,
        FileName = fileName,
        Total = total,
        CreatedAt = now,
    };
}
