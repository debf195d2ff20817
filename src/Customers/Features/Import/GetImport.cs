using System.Text;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.Import;

public static class GetImport
{
    public static RouteGroupBuilder MapGetImport(this RouteGroupBuilder group)
    {
        group.MapGet("/imports/{importId:guid}", GetAsync).WithName("GetCustomerImport");
        group.MapGet("/imports/{importId:guid}/errors.csv", ErrorsCsvAsync).WithName("GetCustomerImportErrors").Produces<string>(200, "text/csv");
        return group;
    }

    /// <summary>An import job: its status (queued, running, completed, failed, reverted), counts and progress.</summary>
    public static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> GetAsync(Guid importId, CustomersDbContext db, CancellationToken cancellationToken)
    {
        var job = await db.Imports.AsNoTracking().FirstOrDefaultAsync(import => import.Id == importId, cancellationToken);
        return job is null ? Problems.NotFound("import", importId) : TypedResults.Ok(ImportResponse.From(job));
    }

    /// <summary>
    /// The import's error report as CSV: one line per field error, <c>row,field,message</c> followed by the row's
    /// original cells under the file's own headers. Empty (the header line only) when no row failed.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ErrorsCsvAsync(
        Guid importId, CustomersDbContext db, CancellationToken cancellationToken)
    {
        var job = await db.Imports.AsNoTracking().FirstOrDefaultAsync(import => import.Id == importId, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound("import", importId);
        }

        return TypedResults.Stream(
            async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536);
                await writer.WriteLineAsync(CsvText.Line(new[] { "row", "field", "message" }.Concat(job.Header)));
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync(cancellationToken);
                try
                {
                    await using var command = new NpgsqlCommand(
                        """
                        SELECT row_number, field, message, original FROM customer_import_errors
                        WHERE tenant_id = @tenant AND import_id = @import ORDER BY row_number, field
                        """, connection);
                    command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = job.TenantId });
                    command.Parameters.Add(new NpgsqlParameter("import", NpgsqlDbType.Uuid) { Value = job.Id });
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var original = reader.GetFieldValue<string[]>(3);
                        await writer.WriteLineAsync(CsvText.Line(
                            new[] { reader.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2) }
                                .Concat(original)));
                    }
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            },
            "text/csv; charset=utf-8",
            $"import-{importId}-errors.csv");
    }
}
