using CustomerPlatform.ServiceDefaults.Reports;
using System.Data.Common;
using System.Runtime.CompilerServices;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.Reports;

/// <summary>
/// The needs report as one SQL statement: interactions counted per period bucket and dimension value with
/// GROUP BY, each count joined to the same value's count in the bucket before. Only aggregates leave the database,
/// in report order, so the CSV can stream them as they arrive.
/// </summary>
/// <remarks>
/// Plain SQL, so the tenant filter EF adds to entity queries is written out here (<c>tenant_id = @tenant</c>).
/// A value counted in the previous bucket but not in this one comes out with count 0: a need that went away is a
/// trend too.
/// </remarks>
public sealed class NeedsReportQuery : IAsyncDisposable
{
    private const string Sql = """
        WITH scoped AS (
            SELECT date_trunc(@unit, occurred_at AT TIME ZONE 'UTC')::date AS period_start, topics, purpose, channel, branch
            FROM interactions
            WHERE tenant_id = @tenant AND occurred_at >= @start AND occurred_at < @end
              AND (@branch IS NULL OR branch = @branch)
        ),
        counts AS (
            SELECT period_start, 0 AS dimension, 'all' AS value, count(*) AS n FROM scoped GROUP BY period_start
            UNION ALL
            SELECT period_start, 1, topic, count(*) FROM scoped CROSS JOIN LATERAL unnest(topics) AS topic GROUP BY period_start, topic
            UNION ALL
            SELECT period_start, 2, purpose, count(*) FROM scoped GROUP BY period_start, purpose
            UNION ALL
            SELECT period_start, 3, channel, count(*) FROM scoped GROUP BY period_start, channel
            UNION ALL
            SELECT period_start, 4, branch, count(*) FROM scoped GROUP BY period_start, branch
        ),
        paired AS (
            SELECT coalesce(cur.period_start, (prev.period_start + @step)::date) AS period_start,
                   coalesce(cur.dimension, prev.dimension) AS dimension,
                   coalesce(cur.value, prev.value) AS value,
                   coalesce(cur.n, 0) AS count,
                   coalesce(prev.n, 0) AS previous_count
            FROM (SELECT * FROM counts WHERE period_start >= @first) AS cur
            FULL JOIN counts AS prev
              ON prev.period_start = (cur.period_start - @step)::date AND prev.dimension = cur.dimension AND prev.value = cur.value
        )
        SELECT period_start, dimension, value, count, previous_count
        FROM paired
        WHERE period_start BETWEEN @first AND @last
        ORDER BY period_start, dimension, count DESC, value
        """;

    private readonly CustomersDbContext _db;
    private readonly DbDataReader _reader;

    private NeedsReportQuery(CustomersDbContext db, DbDataReader reader)
    {
        _db = db;
        _reader = reader;
    }

    /// <summary>
    /// Runs the query, so a database failure is still an error response; the rows are then read with
    /// <see cref="ReadAsync"/> as the caller writes them out.
    /// </summary>
    public static async Task<NeedsReportQuery> RunAsync(
        CustomersDbContext db, Guid tenantId, ReportRange range, string? branch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(range);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            command.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Text) { Value = ReportPeriods.SqlUnit(range.Period) });
            command.Parameters.Add(new NpgsqlParameter("step", NpgsqlDbType.Interval)
            {
                Value = range.Period switch
                {
                    ReportPeriod.Week => new NpgsqlInterval(0, 7, 0),
                    ReportPeriod.Quarter => new NpgsqlInterval(3, 0, 0),
                    _ => new NpgsqlInterval(1, 0, 0),
                },
            });
            command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId });
            command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = AtMidnightUtc(range.QueryStart) });
            command.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = AtMidnightUtc(range.End) });
            command.Parameters.Add(new NpgsqlParameter("first", NpgsqlDbType.Date) { Value = range.First });
            command.Parameters.Add(new NpgsqlParameter("last", NpgsqlDbType.Date) { Value = range.Last });
            command.Parameters.Add(new NpgsqlParameter("branch", NpgsqlDbType.Text) { Value = (object?)branch ?? DBNull.Value });
            var reader = await command.ExecuteReaderAsync(cancellationToken);
            return new NeedsReportQuery(db, reader);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>The rows in report order: by period, dimension, count (highest first), value.</summary>
    public async IAsyncEnumerable<NeedsReportRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _reader.ReadAsync(cancellationToken))
        {
            var dimension = (NeedsDimension)_reader.GetInt32(1);
            var value = _reader.GetString(2);
            yield return new NeedsReportRow(
                _reader.GetFieldValue<DateOnly>(0),
                dimension,
                // Purposes and channels are stored by their C# names; the API spells them in camelCase.
                dimension is NeedsDimension.Purpose or NeedsDimension.Channel ? WireNames.Of(value) : value,
                _reader.GetInt64(3),
                _reader.GetInt64(4));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
    }

    private static DateTime AtMidnightUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
