using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>Where an import job stands.</summary>
public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Reverted,
}

/// <summary>What an import does with a row, by whether a customer matches it.</summary>
public enum ImportMode
{
    /// <summary>Creates customers; a row matching an existing customer is skipped.</summary>
    Create,

    /// <summary>Updates matching customers; a row matching none is an error.</summary>
    Update,

    /// <summary>Updates matching customers and creates the rest.</summary>
    Upsert,

    /// <summary>Updates matching customers; a row matching none is skipped quietly.</summary>
    UpdateOnly,
}

/// <summary>How a row finds its existing customer.</summary>
public enum ImportMatch
{
    /// <summary>The row's first e-mail is one of the customer's e-mails.</summary>
    Email,

    /// <summary>The row's first phone is one of the customer's phones.</summary>
    Phone,

    /// <summary>The row's external id is the customer's.</summary>
    ExternalId,
}

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

/// <summary>The uploaded CSV, kept beside the job until it has been processed (a restarted worker reads it again).</summary>
public sealed class CustomerImportFile : ITenantOwned
{
    public required Guid ImportId { get; init; }
    public required Guid TenantId { get; init; }
    public required byte[] Content { get; init; }
}

/// <summary>A customer an import created or updated; an update keeps the customer's row as it was before (jsonb), for revert.</summary>
public sealed class CustomerImportChange : ITenantOwned
{
    public required Guid TenantId { get; init; }
    public required Guid ImportId { get; init; }
    public required int RowNumber { get; init; }
    public required Guid CustomerId { get; init; }

    /// <summary><c>created</c> or <c>updated</c>.</summary>
    public required string Action { get; init; }

    public string? Before { get; init; }
    public List<string> Changed { get; init; } = [];
}

/// <summary>One field error of a refused row, with the row's original cells for the error report.</summary>
public sealed class CustomerImportError : ITenantOwned
{
    public required Guid TenantId { get; init; }
    public required Guid ImportId { get; init; }
    public required int RowNumber { get; init; }
    public required string Field { get; init; }
    public required string Message { get; init; }
    public List<string> Original { get; init; } = [];
}
