using System.Globalization;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.DataCurrency;

/// <summary>Two customers someone checked and found to be different people.</summary>
/// <param name="A">One customer's id.</param>
/// <param name="B">The other customer's id.</param>
public sealed record DismissDuplicateRequest(Guid? A, Guid? B);

/// <summary>
/// Possible duplicates: customers sharing an e-mail or a phone, or with similar names at one postcode. The business's
/// list is read from the pairs the <see cref="DuplicateScanner"/> stores (so it pages by score at any size); one
/// customer's are found live. Archived (and merged) customers and dismissed pairs never appear.
/// </summary>
public static class FindDuplicates
{
    private const int MaxForCustomer = 100;

    public static void MapDuplicates(this RouteGroupBuilder group)
    {
        group.MapGet("/duplicates", ListAsync).WithName("ListDuplicateCustomers");
        group.MapGet("/{id:guid}/duplicates", ForCustomerAsync).WithName("GetCustomerDuplicates");
        group.MapPost("/duplicates/dismissals", DismissAsync).WithName("DismissDuplicateCustomers").WithIdempotency<CustomersDbContext>();
    }

    /// <summary>The business's possible duplicate pairs, most likely first, as of the last comparison (<c>scannedAt</c>).</summary>
    public static async Task<Results<Ok<DuplicatePairPage>, ValidationProblem>> ListAsync(
        CustomersDbContext db, TenantContext tenant, CancellationToken cancellationToken, string? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadCursor(cursor, errors);
        (decimal Score, Guid A, Guid B)? position = null;
        if (after is { } at)
        {
            position = ReadPosition(at, errors);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scannedAt = await db.DuplicateScans.AsNoTracking().Select(scan => (DateTimeOffset?)scan.ScannedAt).FirstOrDefaultAsync(cancellationToken);
        var parameters = new List<NpgsqlParameter>
        {
            new("tenant", NpgsqlDbType.Uuid) { Value = tenant.TenantId },
            new("limit", NpgsqlDbType.Integer) { Value = size + 1 },
        };
        var keyset = "";
        if (position is { } from)
        {
            keyset = "AND (c.score, c.customer_a, c.customer_b) < (@score, @a, @b)";
            parameters.Add(new NpgsqlParameter("score", NpgsqlDbType.Numeric) { Value = from.Score });
            parameters.Add(new NpgsqlParameter("a", NpgsqlDbType.Uuid) { Value = from.A });
            parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Uuid) { Value = from.B });
        }

        var rows = await RawSql.ReadAsync(
            db,
            $"""
            SELECT c.score, c.reasons,
                   a.id, a.display_name, a.emails[1], a.phones[1], a.postcode_key,
                   b.id, b.display_name, b.emails[1], b.phones[1], b.postcode_key
            FROM duplicate_candidates c
            JOIN customers a ON a.tenant_id = c.tenant_id AND a.id = c.customer_a
            JOIN customers b ON b.tenant_id = c.tenant_id AND b.id = c.customer_b
            WHERE c.tenant_id = @tenant AND a.archived_at IS NULL AND b.archived_at IS NULL {keyset}
              AND NOT EXISTS (
                  SELECT 1 FROM duplicate_dismissals d
                  WHERE d.tenant_id = c.tenant_id AND d.customer_a = c.customer_a AND d.customer_b = c.customer_b)
            ORDER BY c.score DESC, c.customer_a DESC, c.customer_b DESC
            LIMIT @limit
            """,
            parameters,
            reader => new DuplicatePairResponse(
                Summary(reader, 2),
                Summary(reader, 7),
                [.. reader.GetFieldValue<string[]>(1).Select(Enum.Parse<DuplicateReason>)],
                reader.GetDecimal(0)),
            cancellationToken);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            var last = rows[^1];
            next = new PageCursor($"{last.Score.ToString(CultureInfo.InvariantCulture)}:{last.A.Id:N}", last.B.Id).Encode();
        }

        return TypedResults.Ok(new DuplicatePairPage(rows, next, scannedAt));
    }

    /// <summary>The customer's possible duplicates as of now, most likely first (at most 100).</summary>
    public static async Task<Results<Ok<CustomerDuplicatesResponse>, ProblemHttpResult>> ForCustomerAsync(
        Guid id, CustomersDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking()
            .Where(candidate => candidate.Id == id)
            .Select(candidate => new
            {
                candidate.Id,
                candidate.DisplayName,
                candidate.Emails,
                candidate.Phones,
                PostcodeKey = EF.Property<string?>(candidate, "PostcodeKey"),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", id);
        }

        var me = new DuplicateCustomerSummary(
            customer.Id, customer.DisplayName, customer.Emails.FirstOrDefault(), customer.Phones.FirstOrDefault(), customer.PostcodeKey);
        var pairs = await RawSql.ReadAsync(
            db,
            DuplicateSql.ForCustomer,
            [
                new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenant.TenantId },
                new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = id },
                new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = MaxForCustomer },
            ],
            reader =>
            {
                var reasons = DuplicateSql.Reasons(reader, 5);
                return new DuplicatePairResponse(me, Summary(reader, 0), reasons, DuplicateScore.Of(reasons, reader.GetFloat(8)));
            },
            cancellationToken);
        return TypedResults.Ok(new CustomerDuplicatesResponse([.. pairs.OrderByDescending(pair => pair.Score).ThenBy(pair => pair.B.Id)]));
    }

    /// <summary>Records that the two customers are different people: the pair is no longer listed. Dismissing it again changes nothing.</summary>
    public static async Task<Results<Created<DuplicateDismissalResponse>, Ok<DuplicateDismissalResponse>, ValidationProblem, ProblemHttpResult>> DismissAsync(
        DismissDuplicateRequest request, CustomersDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.A is not { } one || one == Guid.Empty)
        {
            errors["a"] = ["A customer id is required."];
        }

        if (request.B is not { } other || other == Guid.Empty)
        {
            errors["b"] = ["A customer id is required."];
        }
        else if (other == request.A)
        {
            errors["b"] = ["Name two different customers."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var ids = new[] { request.A!.Value, request.B!.Value };
        var found = await db.Customers.AsNoTracking().Where(customer => ids.Contains(customer.Id))
            .Select(customer => new { customer.Id, customer.HomeBranch }).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            if (found.All(customer => customer.Id != id))
            {
                return Problems.NotFound("customer", id);
            }
        }

        foreach (var branch in found.Select(customer => customer.HomeBranch).OfType<string>())
        {
            if (!tenant.MayActFor(branch))
            {
                return Problems.OtherBranch(branch);
            }
        }

        var (first, second) = DuplicateScore.Pair(ids[0], ids[1]);
        var existing = await db.DuplicateDismissals.AsNoTracking()
            .FirstOrDefaultAsync(dismissal => dismissal.CustomerA == first && dismissal.CustomerB == second, cancellationToken);
        if (existing is not null)
        {
            return TypedResults.Ok(new DuplicateDismissalResponse(existing.CustomerA, existing.CustomerB, existing.DismissedAt));
        }

        var dismissal = DuplicateDismissal.Of(tenant.TenantId, first, second, clock.GetUtcNow());
        db.DuplicateDismissals.Add(dismissal);
        // Two dismissals of one pair racing meet the primary key: the loser is a 409, and the pair is dismissed either way.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/customers/{first}/duplicates", new DuplicateDismissalResponse(dismissal.CustomerA, dismissal.CustomerB, dismissal.DismissedAt));
    }

    private static DuplicateCustomerSummary Summary(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first),
        reader.GetString(first + 1),
        reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
        reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3),
        reader.IsDBNull(first + 4) ? null : reader.GetString(first + 4));

    private static (decimal Score, Guid A, Guid B)? ReadPosition(PageCursor cursor, Dictionary<string, string[]> errors)
    {
        var parts = cursor.Key.Split(':');
        if (parts.Length == 2
            && decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score)
            && Guid.TryParseExact(parts[1], "N", out var a))
        {
            return (score, a, cursor.Id);
        }

        errors["cursor"] = ["Not a cursor this list issued: pass the nextCursor of a previous page unchanged."];
        return null;
    }
}
