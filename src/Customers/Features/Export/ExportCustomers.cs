using System.Globalization;
using System.Text;
using CustomerPlatform.Customers.Features.Import;
using CustomerPlatform.Customers.Features.Search;
using CustomerPlatform.Customers.Features.Segments;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerPlatform.Customers.Features.Export;

/// <summary>
/// Customers as CSV, streamed from one database reader straight to the response (never a whole file in memory). The
/// columns are the same for every export and named like the import's fields, so an export re-imports as it is.
/// Cells a spreadsheet would run as formulas start with a single quote, which the import removes again.
/// </summary>
public static class ExportCustomers
{
    /// <summary>The CSV header; <see cref="Columns"/> selects them in this order.</summary>
    public static readonly string[] Header =
    [
        "id", "externalId", "kind", "displayName", "givenName", "familyName", "companyName", "contactPerson", "email", "phone",
        "address.line1", "address.line2", "address.city", "address.region", "address.postalCode", "address.country",
        "preferredChannel", "preferredLanguage", "homeBranch", "dateOfBirth", "tags", "status", "rating", "registeredAt",
        "updatedAt", "archivedAt", "attributes",
    ];

    private const string Columns =
        "c.id, c.external_id, c.kind, c.display_name, c.given_name, c.family_name, c.company_name, c.contact_person, c.emails, c.phones, " +
        "c.address ->> 'line1', c.address ->> 'line2', c.address ->> 'city', c.address ->> 'region', c.address ->> 'postalCode', c.address ->> 'country', " +
        "c.preferred_channel, c.preferred_language, c.home_branch, c.date_of_birth, c.tags, c.status, c.rating, c.registered_at, c.updated_at, " +
        "c.archived_at, c.attributes::text";

    public static RouteGroupBuilder MapExports(this RouteGroupBuilder group)
    {
        group.MapGet("/export.csv", ExportAsync).WithName("ExportCustomers").Produces<string>(200, "text/csv");
        group.MapGet("/segments/{segmentId:guid}/export.csv", ExportSegmentAsync).WithName("ExportSegmentMembers").Produces<string>(200, "text/csv");
        return group;
    }

    /// <summary>
    /// Every customer matching the search filters (the same as <c>GET /api/v1/customers</c>: <c>q</c>, <c>email</c>,
    /// <c>phone</c>, <c>tag</c>, <c>branch</c>, <c>status</c>, <c>kind</c>, <c>minRating</c>, <c>maxRating</c>,
    /// <c>includeArchived</c>) as CSV in id (registration) order, unpaged. E-mails, phones and tags are ';'-separated;
    /// custom attributes are one JSON column.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportAsync(
        CustomersDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken,
        string? q = null,
        string? email = null,
        string? phone = null,
        string[]? tag = null,
        string[]? branch = null,
        string? status = null,
        string? kind = null,
        int? minRating = null,
        int? maxRating = null,
        bool includeArchived = false)
    {
        var errors = new Dictionary<string, string[]>();
        var search = SearchCustomers.Check(
            tenant.TenantId, q, email, phone, tag, branch, status, kind, minRating, maxRating, includeArchived, CustomerSort.Recency.ToString(), null, null, errors);
        if (search is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var named = await search.WithNameTermsAsync(db, cancellationToken);
        return Csv("customers.csv", db, cancellationToken, connection => named.ToExportBatch(connection, Columns));
    }

    /// <summary>The customers who meet the segment's rules now, as CSV in id order (the same columns as the customer export).</summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportSegmentAsync(
        Guid segmentId, CustomersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var segment = await SegmentApi.FindAsync(db, segmentId, tracking: false, cancellationToken);
        if (segment is null)
        {
            return SegmentApi.NotFound(segmentId);
        }

        var predicate = await SegmentApi.CompileAsync(segment, db, clock.GetUtcNow(), cancellationToken);
        return Csv($"segment-{segmentId}.csv", db, cancellationToken, connection =>
        {
            var batch = new NpgsqlBatch(connection);
            var select = new NpgsqlBatchCommand($"SELECT {Columns} FROM {predicate.From} WHERE {predicate.Where} ORDER BY c.id");
            select.Parameters.AddRange(predicate.CloneParameters());
            batch.BatchCommands.Add(select);
            return batch;
        });
    }

    private static PushStreamHttpResult Csv(string fileName, CustomersDbContext db, CancellationToken cancellationToken, Func<NpgsqlConnection, NpgsqlBatch> query) =>
        TypedResults.Stream(
            async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536);
                await writer.WriteLineAsync(CsvText.Line(Header));
                await db.Database.OpenConnectionAsync(cancellationToken);
                try
                {
                    await using var batch = query((NpgsqlConnection)db.Database.GetDbConnection());
                    await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                    var cells = new string?[Header.Length];
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        Read(reader, cells);
                        await writer.WriteLineAsync(CsvText.Line(cells));
                    }
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            },
            "text/csv; charset=utf-8",
            fileName);

    private static void Read(NpgsqlDataReader reader, string?[] cells)
    {
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        string List(int ordinal) => string.Join(';', reader.GetFieldValue<string[]>(ordinal));
        string? Time(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal).ToString("O", CultureInfo.InvariantCulture);

        cells[0] = reader.GetGuid(0).ToString();
        cells[1] = Text(1);
        cells[2] = WireNames.Of(reader.GetString(2));
        for (var ordinal = 3; ordinal <= 7; ordinal++)
        {
            cells[ordinal] = Text(ordinal);
        }

        cells[8] = List(8);
        cells[9] = List(9);
        for (var ordinal = 10; ordinal <= 15; ordinal++)
        {
            cells[ordinal] = Text(ordinal);
        }

        cells[16] = Text(16) is { } channel ? WireNames.Of(channel) : null;
        cells[17] = Text(17);
        cells[18] = Text(18);
        cells[19] = reader.IsDBNull(19) ? null : reader.GetFieldValue<DateOnly>(19).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        cells[20] = List(20);
        cells[21] = WireNames.Of(reader.GetString(21));
        cells[22] = reader.IsDBNull(22) ? null : reader.GetInt32(22).ToString(CultureInfo.InvariantCulture);
        cells[23] = Time(23);
        cells[24] = Time(24);
        cells[25] = Time(25);
        var attributes = reader.GetString(26);
        cells[26] = attributes == "{}" ? null : attributes;
    }
}
