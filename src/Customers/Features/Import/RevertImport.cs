using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.Import;

public static class RevertImport
{
    // The customer columns an import writes, restored from the before-image.
    private const string RestoredColumns =
        "kind, display_name, given_name, family_name, company_name, contact_person, emails, phones, address, preferred_channel, " +
        "preferred_language, home_branch, date_of_birth, tags, attributes, external_id";

    public static RouteHandlerBuilder MapRevertImport(this RouteGroupBuilder group) =>
        group.MapPost("/imports/{importId:guid}/revert", HandleAsync).WithName("RevertCustomerImport");

    /// <summary>
    /// Undoes a completed import in one transaction. A customer it created is deleted, unless it has history since
    /// (purchases, interactions, visits, consent decisions, timeline activities, or any change to its details): such a
    /// customer is archived instead (<c>CustomerArchived</c>), so that history is kept. A customer it updated gets the
    /// details it had before the import back (<c>CustomerUpdated</c>), even if changed since. A 409 problem when the
    /// import is not completed (still running, failed or already reverted).
    /// </summary>
    public static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> HandleAsync(
        Guid importId, CustomersDbContext db, TimeProvider clock, OutboxSignal outboxSignal, CancellationToken cancellationToken)
    {
        var job = await db.Imports.FirstOrDefaultAsync(import => import.Id == importId, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound("import", importId);
        }

        if (job.Status != ImportStatus.Completed)
        {
            throw new DomainException(
                "import-not-revertible", $"Only a completed import can be reverted; this one is {WireNames.Of(job.Status)}.", DomainErrorKind.Conflict);
        }

        var now = clock.GetUtcNow();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                $"""
                SELECT id FROM customer_imports WHERE id = @import AND status = 'Completed' FOR UPDATE;
                DELETE FROM customers c
                USING customer_import_changes ch
                WHERE ch.tenant_id = @tenant AND ch.import_id = @import AND ch.action = 'created'
                  AND c.tenant_id = @tenant AND c.id = ch.customer_id AND c.updated_at = c.registered_at AND c.archived_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.tenant_id = @tenant AND p.customer_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.tenant_id = @tenant AND i.customer_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM service_visits v WHERE v.tenant_id = @tenant AND v.customer_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM consent_records r WHERE r.tenant_id = @tenant AND r.customer_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM customer_activities a WHERE a.tenant_id = @tenant AND a.customer_id = c.id);
                UPDATE customers c SET archived_at = @now, updated_at = @now
                FROM customer_import_changes ch
                WHERE ch.tenant_id = @tenant AND ch.import_id = @import AND ch.action = 'created'
                  AND c.tenant_id = @tenant AND c.id = ch.customer_id AND c.archived_at IS NULL
                RETURNING c.id;
                UPDATE customers c SET ({RestoredColumns}, updated_at) = (SELECT {RestoredColumns}, @now FROM jsonb_populate_record(NULL::customers, ch.before))
                FROM customer_import_changes ch
                WHERE ch.tenant_id = @tenant AND ch.import_id = @import AND ch.action = 'updated'
                  AND c.tenant_id = @tenant AND c.id = ch.customer_id
                RETURNING c.id, c.display_name, c.kind, c.home_branch, c.preferred_language, c.preferred_channel, c.tags, ch.changed, c.date_of_birth;
                UPDATE customer_imports SET status = 'Reverted', reverted_at = @now WHERE id = @import;
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = job.TenantId });
            command.Parameters.Add(new NpgsqlParameter("import", NpgsqlDbType.Uuid) { Value = job.Id });
            command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
            var events = new List<OutboxMessage>();
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new DomainException("import-not-revertible", "The import was reverted meanwhile.", DomainErrorKind.Conflict);
                }

                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    events.Add(OutboxRows.For(new CustomerArchived { TenantId = job.TenantId, CustomerId = reader.GetGuid(0), Reason = "import-reverted", OccurredAt = now }, now));
                }

                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    events.Add(OutboxRows.For(new CustomerUpdated
                    {
                        TenantId = job.TenantId,
                        CustomerId = reader.GetGuid(0),
                        Changed = reader.GetFieldValue<string[]>(7),
                        DisplayName = reader.GetString(1),
                        Kind = WireNames.Of(reader.GetString(2)),
                        HomeBranch = reader.IsDBNull(3) ? null : reader.GetString(3),
                        PreferredLanguage = reader.IsDBNull(4) ? null : reader.GetString(4),
                        PreferredChannel = reader.IsDBNull(5) ? null : WireNames.Of(reader.GetString(5)),
                        Tags = reader.GetFieldValue<string[]>(6),
                        Birthday = Customer.BirthdayOf(reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8)),
                        OccurredAt = now,
                    }, now));
                }
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new DomainException(
                    "import-revert-conflict",
                    "A restored external id now belongs to another customer; change that customer's external id first.",
                    DomainErrorKind.Conflict);
            }

            await ImportBatchWriter.WriteOutboxAsync(connection, events, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outboxSignal.Nudge();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        await db.Entry(job).ReloadAsync(cancellationToken);
        return TypedResults.Ok(ImportResponse.From(job));
    }
}
