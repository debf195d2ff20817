using System.Text.Json;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerPlatform.Customers.Features.Timeline;

/// <summary>One thing that happened with the customer.</summary>
/// <param name="Type"><c>interaction</c>, <c>purchase</c>, <c>visit</c>, <c>consent</c>, or what another service reported: <c>feedback</c>, <c>pointsEarned</c>, <c>pointsReversed</c>, <c>atRisk</c>, <c>loyaltyAccountOpened</c>.</param>
/// <param name="Id">The id of the interaction, purchase or consent record; for what another service reported, the entry's own id, with that service's id in <c>details.sourceId</c>.</param>
/// <param name="Details">The facts of the entry, by type (e.g. a purchase's amount and currency).</param>
public sealed record TimelineEntry(string Type, Guid Id, DateTimeOffset OccurredAt, string? Branch, JsonElement Details);

/// <summary>A page of a customer's timeline, newest first.</summary>
/// <param name="NextCursor">Pass as <c>cursor</c> for older entries; absent on the last page.</param>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Items, string? NextCursor);

/// <summary>
/// A customer's timeline: what Customers records (interactions, purchases, service visits, consent decisions) and what other services
/// report about the customer as their events arrive, newest first. Read as one UNION ALL whose every branch walks its
/// own (tenant, customer, time) index backwards and stops at the page size, so a page costs the same at 10 entries
/// or 10,000.
/// </summary>
public static class GetTimeline
{
    public static RouteHandlerBuilder MapTimeline(this RouteGroupBuilder group) =>
        group.MapGet("/{customerId:guid}/timeline", HandleAsync).WithName("GetCustomerTimeline");

    // Each source: its table, its type (a constant or a column), its branch column and the details it shows. Enum
    // columns hold C# names (InPerson); the API's camelCase is their first letter lowered.
    private static readonly (string Table, string Type, string Branch, string Details)[] Sources =
    [
        ("interactions", "'interaction'", "branch", """
            jsonb_build_object('channel', lower(left(channel, 1)) || substr(channel, 2), 'purpose', lower(left(purpose, 1)) || substr(purpose, 2),
                               'topics', topics, 'summary', summary, 'staffMember', staff_member, 'followUpDueAt', follow_up_due_at,
                               'followUpCompletedAt', follow_up_completed_at)
            """),
        ("purchases", "'purchase'", "branch", """
            jsonb_build_object('amount', amount, 'currency', currency, 'refundedAmount', refunded_amount, 'voidedAt', voided_at)
            """),
        ("service_visits", "'visit'", "branch", """
            jsonb_build_object('service', service, 'staffMember', staff_member, 'durationMinutes', duration_minutes)
            """),
        ("consent_records", "'consent'", "NULL", """
            jsonb_build_object('channel', lower(channel), 'granted', granted, 'source', source, 'recordedBy', recorded_by)
            """),
        ("customer_activities", "type", "branch", "details || jsonb_build_object('sourceId', source_id)"),
    ];

    public static async Task<Results<Ok<TimelinePage>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId, CustomersDbContext db, TenantContext tenant, CancellationToken cancellationToken, string? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.Customers.AnyAsync(customer => customer.Id == customerId, cancellationToken))
        {
            return Problems.NotFound("customer", customerId);
        }

        var before = after is null ? "" : "AND (occurred_at, id) < (@at, @id)";
        var branches = Sources.Select(source => $"""
            (SELECT {source.Type} AS type, id, occurred_at, {source.Branch} AS branch, {source.Details} AS details
             FROM {source.Table}
             WHERE tenant_id = @tenant AND customer_id = @customer {before}
             ORDER BY occurred_at DESC, id DESC
             LIMIT @take)
            """);
        var sql = $"{string.Join("\nUNION ALL\n", branches)}\nORDER BY occurred_at DESC, id DESC\nLIMIT @take";

        List<NpgsqlParameter> parameters =
        [
            new("tenant", tenant.TenantId),
            new("customer", customerId),
            new("take", pageSize + 1),
        ];
        if (after is { } position)
        {
            parameters.Add(new NpgsqlParameter("at", position.At));
            parameters.Add(new NpgsqlParameter("id", position.Id));
        }

        var entries = await RawSql.ReadAsync(db, sql, parameters, reader =>
        {
            using var details = JsonDocument.Parse(reader.GetString(4));
            return new TimelineEntry(
                reader.GetString(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), details.RootElement.Clone());
        }, cancellationToken);
        var hasMore = entries.Count > pageSize;
        var page = hasMore ? entries[..pageSize] : entries;
        return TypedResults.Ok(new TimelinePage(page, hasMore ? PageCursor.At(page[^1].OccurredAt, page[^1].Id).Encode() : null));
    }
}
