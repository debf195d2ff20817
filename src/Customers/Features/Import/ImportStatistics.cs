using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>
/// Keeps the planner's picture of the business's customers current while an import grows them. Autoanalyze runs now
/// and then; in between, a business that grew from nothing to 20,000 customers was still estimated at 3 rows, and each
/// batch's match scanned all of them once per staged row (22-43 s a batch). The customers table is analysed again
/// whenever this job has created a tenth of the business's customers since the last look: every batch of a first
/// import, never for a small import into a large business.
/// </summary>
internal sealed class ImportStatistics(NpgsqlConnection connection, long customers)
{
    private long _customers = customers;
    private int _createdAtLastAnalyze;

    public static async Task<ImportStatistics> StartAsync(NpgsqlConnection connection, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM customers WHERE tenant_id = @tenant", connection);
        count.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId });
        var customers = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return new ImportStatistics(connection, customers);
    }

    /// <summary>Analyses the customers table if <paramref name="created"/> (the job's running total) grew it by a tenth.</summary>
    public async Task RefreshIfStaleAsync(int created, CancellationToken cancellationToken)
    {
        var grown = created - _createdAtLastAnalyze;
        if (grown <= 0 || grown * 10L < _customers)
        {
            return;
        }

        await using var analyze = new NpgsqlCommand("ANALYZE customers", connection) { CommandTimeout = ImportBatchWriter.BatchTimeoutSeconds };
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        _customers += grown;
        _createdAtLastAnalyze = created;
    }
}
