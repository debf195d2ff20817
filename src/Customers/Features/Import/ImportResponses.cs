using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>An import job.</summary>
/// <param name="Mapping">CSV header → customer field, as applied.</param>
/// <param name="Processed">Rows whose outcome is committed so far.</param>
/// <param name="Progress">Processed rows as a percentage of <paramref name="Total"/>.</param>
/// <param name="Error">Why a failed job stopped.</param>
public sealed record ImportResponse(
    Guid Id,
    ImportStatus Status,
    ImportMode Mode,
    ImportMatch MatchOn,
    string? FileName,
    IReadOnlyDictionary<string, string> Mapping,
    int Total,
    int Processed,
    int Progress,
    int Created,
    int Updated,
    int Skipped,
    int Failed,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? RevertedAt)
{
    public static ImportResponse From(CustomerImport job) => new(
        job.Id, job.Status, job.Mode, job.MatchOn, job.FileName, job.Mapping, job.Total, job.Processed,
        job.Total == 0 ? (job.Status == ImportStatus.Queued ? 0 : 100) : (int)(100L * job.Processed / job.Total),
        job.Created, job.Updated, job.Skipped, job.Failed, job.Error, job.CreatedAt, job.StartedAt, job.CompletedAt, job.RevertedAt);
}

/// <summary>What one row of a dry run would do.</summary>
/// <param name="Row">The data row's number (the header is row 0).</param>
/// <param name="CustomerId">The existing customer the row matched.</param>
/// <param name="Note">Why a row would be skipped.</param>
/// <param name="Errors">Field errors of a refused row, keyed like the API's validation errors.</param>
public sealed record ImportRowReport(int Row, ImportRowAction Action, Guid? CustomerId, string? Note, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>A dry run's report: what the import would do, row by row; nothing was written.</summary>
public sealed record ImportDryRunResponse(
    ImportMode Mode,
    ImportMatch MatchOn,
    IReadOnlyDictionary<string, string> Mapping,
    int Total,
    int Created,
    int Updated,
    int Skipped,
    int Failed,
    IReadOnlyList<ImportRowReport> Rows);
