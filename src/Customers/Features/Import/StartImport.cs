using System.Text;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CustomerPlatform.Customers.Features.Import;

public static class StartImport
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>Rows per transaction: large enough for COPY to pay off, small enough to keep locks and memory short.</summary>
    public const int BatchSize = 10_000;

    private static readonly string[] CsvMediaTypes = ["text/csv", "application/csv", "text/plain"];

    public static RouteHandlerBuilder MapStartImport(this RouteGroupBuilder group) =>
        group.MapPost("/imports", HandleAsync)
            .WithName("StartCustomerImport")
            .Accepts<string>("text/csv", "application/csv", "text/plain")
            .WithIdempotency<CustomersDbContext>();

    /// <summary>
    /// Imports customers from a CSV file sent as the request body (<c>Content-Type: text/csv</c>, UTF-8, RFC 4180, a header
    /// row first; at most 50 MB, a 413 problem beyond). Columns are mapped by header: a header naming a field
    /// (<c>givenName</c>, <c>Given Name</c> or <c>given_name</c>) maps itself, and <c>map=Header:field</c> (repeatable) maps
    /// any other; fields are givenName, familyName, displayName, companyName, contactPerson, kind, email and phone (several
    /// columns, or values separated by ';'), address.line1/line2/city/region/postalCode/country, homeBranch,
    /// preferredLanguage, preferredChannel, tags (';'-separated), externalId, dateOfBirth (yyyy-MM-dd) and
    /// attributes.&lt;key&gt;. A column not mapped is ignored; on update, a field not mapped keeps its value.
    /// Every row is checked by the same rules as <c>POST /api/v1/customers</c>.
    /// <c>mode</c>: <c>create</c> (default; a row matching a customer is skipped), <c>update</c> (a row matching none is an
    /// error), <c>upsert</c> (update or create) or <c>updateOnly</c> (a row matching none is skipped).
    /// <c>matchOn</c>: <c>email</c> (default; the row's first e-mail), <c>phone</c> or <c>externalId</c>.
    /// <c>dryRun=true</c> answers 200 with what each row would do and writes nothing; otherwise the import is queued as a
    /// job: 202 with its <c>Location</c>, processed in the background (<c>GET .../imports/{importId}</c>).
    /// </summary>
    public static async Task<Results<Accepted<ImportResponse>, Ok<ImportDryRunResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        ImportSignal signal,
        CancellationToken cancellationToken,
        string? mode = null,
        string? matchOn = null,
        string? dryRun = null,
        [FromQuery] string[]? map = null,
        string? fileName = null)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !CsvMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status415UnsupportedMediaType, "The file must be sent as the body with Content-Type: text/csv.", type: ProblemTypes.For("unsupported-media-type"));
        }

        var errors = new Dictionary<string, string[]>();
        var parsedMode = ImportOptions.ParseEnum<ImportMode>(mode, "mode", errors) ?? ImportMode.Create;
        var parsedMatch = ImportOptions.ParseEnum<ImportMatch>(matchOn, "matchOn", errors) ?? ImportMatch.Email;
        var isDryRun = ImportOptions.ParseFlag(dryRun, "dryRun", errors);
        var pairs = ImportOptions.ParseMap(map, errors);
        if (fileName is { Length: > 200 })
        {
            errors["fileName"] = ["At most 200 characters."];
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status413PayloadTooLarge, $"A file is at most {MaxFileBytes / 1024 / 1024} MB.", type: ProblemTypes.PayloadTooLarge);
        }

        var records = CsvRecords.Parse(Encoding.UTF8.GetString(body), out var malformed);
        if (malformed is not null)
        {
            errors["file"] = [malformed];
        }
        else if (records.Count == 0)
        {
            errors["file"] = ["The file is empty: a header row naming the columns comes first."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var header = records[0];
        var mapping = ImportMapping.Resolve(header, pairs, errors);
        if (mapping is not null && !mapping.MappedFields.Contains(ImportOptions.FieldOf(parsedMatch)))
        {
            errors["matchOn"] = [$"No column maps to {ImportOptions.FieldOf(parsedMatch)}, which rows are matched on."];
        }

        if (mapping is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var job = CustomerImport.Queue(tenant.TenantId, parsedMode, parsedMatch, [.. header], mapping.ByHeader, tenant.Branch, fileName, records.Count - 1, now);
        if (isDryRun)
        {
            return TypedResults.Ok(await DryRunAsync(job, mapping, records, db, now, cancellationToken));
        }

        db.Imports.Add(job);
        db.ImportFiles.Add(new CustomerImportFile { ImportId = job.Id, TenantId = job.TenantId, Content = body });
        await db.SaveChangesAsync(cancellationToken);
        signal.Nudge();
        return TypedResults.Accepted($"/api/v1/customers/imports/{job.Id}", ImportResponse.From(job));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxFileBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task<ImportDryRunResponse> DryRunAsync(
        CustomerImport job, ImportMapping mapping, List<string[]> records, CustomersDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var checker = await ImportOptions.CheckerAsync(job, mapping, db, now, cancellationToken);
        var rows = new List<ImportRow>(records.Count - 1);
        for (var index = 1; index < records.Count; index++)
        {
            rows.Add(checker.Check(index, records[index]));
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Inside an Idempotency-Key's transaction a savepoint rolls the dry run back; otherwise a transaction of its own.
            var ambient = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            var transaction = ambient ?? await connection.BeginTransactionAsync(cancellationToken);
            if (ambient is not null)
            {
                await ambient.SaveAsync("import_dry_run", cancellationToken);
            }

            var writer = new ImportBatchWriter(connection, job, mapping);
            foreach (var batch in rows.Chunk(BatchSize))
            {
                await writer.WriteAsync(batch, transaction, dryRun: true, now, cancellationToken);
            }

            if (ambient is not null)
            {
                await ambient.RollbackAsync("import_dry_run", cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
                await transaction.DisposeAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new ImportDryRunResponse(
            job.Mode, job.MatchOn, job.Mapping, rows.Count,
            rows.Count(row => row.Action == ImportRowAction.Create),
            rows.Count(row => row.Action == ImportRowAction.Update),
            rows.Count(row => row.Action == ImportRowAction.Skip),
            rows.Count(row => row.Action == ImportRowAction.Error),
            [.. rows.Select(row => new ImportRowReport(
                row.Number, row.Action, row.Action == ImportRowAction.Update || row.Action == ImportRowAction.Skip ? row.CustomerId : null, row.Note,
                row.Errors.Count > 0 ? row.Errors : null))]);
    }
}
