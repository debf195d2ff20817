using System.Globalization;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Ledger;

/// <summary><c>GET /accounts/{customerId}/ledger</c> (keyset-paged, newest first) and one entry by id.</summary>
public static class ListLedger
{
    public static void MapLedger(this RouteGroupBuilder group)
    {
        group.MapGet("/accounts/{customerId:guid}/ledger", HandleAsync).WithName("ListLoyaltyLedger");
        group.MapGet("/accounts/{customerId:guid}/ledger/{entryId:guid}", GetAsync).WithName("GetLoyaltyLedgerEntry");
    }

    /// <summary>The account's ledger, newest first, optionally filtered.</summary>
    /// <param name="customerId">The customer whose account it is.</param>
    /// <param name="db">The Loyalty database.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="type">Only entries of this type: earn, redeem, adjust, expire or reverse.</param>
    /// <param name="source">Only entries with this source: purchase, compensation, refund, adjustment, merge, ...</param>
    /// <param name="from">Only entries recorded at or after this time (ISO 8601).</param>
    /// <param name="to">Only entries recorded before this time (ISO 8601).</param>
    public static async Task<Results<Ok<LedgerPageResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId,
        LoyaltyDbContext db,
        CancellationToken cancellationToken,
        string? limit = null,
        string? cursor = null,
        string? type = null,
        string? source = null,
        string? from = null,
        string? to = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        var entryType = ReadEnum<LedgerEntryType>(type, "type", errors);
        var entrySource = ReadEnum<LedgerSource>(source, "source", errors);
        var recordedFrom = ReadTime(from, "from", errors);
        var recordedTo = ReadTime(to, "to", errors);
        if (recordedFrom is { } start && recordedTo is { } end && end < start)
        {
            errors["to"] = ["Must not be before 'from'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var accountId = await db.Accounts.AsNoTracking()
            .Where(account => account.CustomerId == customerId)
            .Select(account => (Guid?)account.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (accountId is null)
        {
            return Problems.NotFound("loyalty account for customer", customerId);
        }

        var query = db.LedgerEntries.AsNoTracking().Where(entry => entry.AccountId == accountId);
        if (entryType is { } onlyType)
        {
            query = query.Where(entry => entry.Type == onlyType);
        }

        if (entrySource is { } onlySource)
        {
            query = query.Where(entry => entry.Source == onlySource);
        }

        if (recordedFrom is { } notBefore)
        {
            query = query.Where(entry => entry.RecordedAt >= notBefore);
        }

        if (recordedTo is { } before)
        {
            query = query.Where(entry => entry.RecordedAt < before);
        }

        if (after is { } position)
        {
            query = query.Where(entry =>
                EF.Functions.LessThan(ValueTuple.Create(entry.RecordedAt, entry.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query
            .OrderByDescending(entry => entry.RecordedAt)
            .ThenByDescending(entry => entry.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].RecordedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new LedgerPageResponse([.. page.Select(LedgerLineResponse.From)], nextCursor));
    }

    /// <summary>One entry of the customer's ledger; 404 when the customer has no such entry.</summary>
    public static async Task<Results<Ok<LedgerLineResponse>, ProblemHttpResult>> GetAsync(
        Guid customerId, Guid entryId, LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.LedgerEntries.AsNoTracking()
            .Where(entry => entry.Id == entryId && db.Accounts.Any(account => account.Id == entry.AccountId && account.CustomerId == customerId))
            .FirstOrDefaultAsync(cancellationToken);
        return entry is null ? Problems.NotFound("ledger entry", entryId) : TypedResults.Ok(LedgerLineResponse.From(entry));
    }

    internal static string EntryPath(Guid customerId, Guid entryId) => $"/api/v1/loyalty/accounts/{customerId}/ledger/{entryId}";

    private static DateTimeOffset? ReadTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors[field] = ["An ISO 8601 time such as 2026-11-01T00:00:00Z."];
        return null;
    }

    /// <summary>Reads a camelCase enum name (as the API writes them); numbers and unknown names are errors.</summary>
    private static TEnum? ReadEnum<TEnum>(string? text, string field, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(WireNames.Of(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        errors[field] = [$"One of: {string.Join(", ", Enum.GetValues<TEnum>().Select(value => WireNames.Of(value)))}."];
        return null;
    }
}
