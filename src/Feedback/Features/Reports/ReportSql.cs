using System.Data.Common;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Reports;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>
/// Runs a report's aggregate SQL. Plain SQL, so each statement writes the tenant filter EF would add
/// (<c>tenant_id = @tenant</c>). Only aggregates come back, a few rows per period and group, so they are read whole.
/// </summary>
internal static class ReportSql
{
    public static NpgsqlParameter Parameter(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };

    /// <summary>The parameters every report query shares: tenant, bucket unit and the range from the comparison bucket on.</summary>
    public static IEnumerable<NpgsqlParameter> RangeParameters(Guid tenantId, ReportRange range) =>
    [
        Parameter("tenant", NpgsqlDbType.Uuid, tenantId),
        Parameter("unit", NpgsqlDbType.Text, ReportPeriods.SqlUnit(range.Period)),
        Parameter("start_day", NpgsqlDbType.Date, range.QueryStart),
        Parameter("end_day", NpgsqlDbType.Date, range.End),
        Parameter("start_at", NpgsqlDbType.TimestampTz, range.QueryStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        Parameter("end_at", NpgsqlDbType.TimestampTz, range.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
    ];

    public static async Task<List<T>> ReadAsync<T>(
        FeedbackDbContext db, string sql, IEnumerable<NpgsqlParameter> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter);
            }

            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static long? NullableInt64(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
