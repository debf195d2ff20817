using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.AtRisk;

/// <summary>A customer overdue against their own purchase rhythm.</summary>
/// <param name="AccountId">Their loyalty account.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="LastPurchaseAt">When they last bought something.</param>
/// <param name="LastBranch">The branch of that purchase, when it named one.</param>
/// <param name="PurchaseCount">Purchases their rhythm is based on.</param>
/// <param name="UsualIntervalDays">The mean gap between their purchases, in days.</param>
/// <param name="DaysSince">Days since their last purchase.</param>
/// <param name="OverdueSince">When they passed factor × their usual interval.</param>
public sealed record AtRiskCustomerResponse(
    Guid AccountId,
    Guid CustomerId,
    DateTimeOffset LastPurchaseAt,
    string? LastBranch,
    int PurchaseCount,
    double UsualIntervalDays,
    double DaysSince,
    DateTimeOffset OverdueSince);

/// <summary>A page of customers at risk, most overdue first.</summary>
/// <param name="Items">The customers on this page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last.</param>
public sealed record AtRiskPage(IReadOnlyList<AtRiskCustomerResponse> Items, string? NextCursor);

/// <summary><c>GET /at-risk</c>: the customers at risk now under the business's rule, whether or not announced yet.</summary>
public static class ListAtRisk
{
    public static RouteHandlerBuilder MapListAtRisk(this RouteGroupBuilder group) =>
        group.MapGet("/at-risk", HandleAsync).WithName("ListAtRiskCustomers")
            .WithSummary("Customers overdue against their own purchase rhythm now, most overdue first (keyset paged).");

    /// <summary>Lists customers at risk now; empty while the business has at-risk turned off.</summary>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Results<Ok<AtRiskPage>, ValidationProblem>> HandleAsync(
        string? limit, string? cursor, LoyaltyDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var settings = await PurchaseRhythms.SettingsAsync(db, tenant.TenantId, cancellationToken);
        if (!settings.Enabled)
        {
            return TypedResults.Ok(new AtRiskPage([], null));
        }

        var now = clock.GetUtcNow();
        var factor = (double)settings.Factor;
        var afterAt = after?.At ?? DateTimeOffset.MinValue;
        var afterId = after?.Id ?? Guid.Empty;
        var hasAfter = after is not null;
        // Most overdue first = earliest overdue time first, which stays put as time passes, so cursors stay valid. The
        // overdue time is PurchaseRhythm.OverdueAt in SQL; the tenant is named here because raw SQL is not filtered.
        var rows = await db.Database.SqlQuery<AtRiskRow>(
                $"""
                SELECT * FROM (
                    SELECT r.account_id, r.customer_id, r.first_purchase_at, r.last_purchase_at, r.last_branch, r.purchase_count,
                           r.last_purchase_at + (r.last_purchase_at - r.first_purchase_at) / (r.purchase_count - 1) * {factor} AS overdue_at
                    FROM purchase_rhythms r
                    WHERE r.tenant_id = {tenant.TenantId}
                      AND r.purchase_count >= {settings.MinPurchases}
                      AND r.last_purchase_at > r.first_purchase_at) due
                WHERE due.overdue_at < {now}
                  AND (NOT {hasAfter} OR (due.overdue_at, due.account_id) > ({afterAt}, {afterId}))
                ORDER BY due.overdue_at, due.account_id
                LIMIT {size + 1}
                """)
            .ToListAsync(cancellationToken);

        var hasMore = rows.Count > size;
        var page = rows.Take(size)
            .Select(row => new AtRiskCustomerResponse(
                row.AccountId,
                row.CustomerId,
                row.LastPurchaseAt,
                row.LastBranch,
                row.PurchaseCount,
                Math.Round((row.LastPurchaseAt - row.FirstPurchaseAt).TotalDays / (row.PurchaseCount - 1), 4),
                Math.Round((now - row.LastPurchaseAt).TotalDays, 4),
                row.OverdueAt))
            .ToList();
        // The cursor carries the database's own overdue time, so the next page starts exactly where this one ended.
        return TypedResults.Ok(new AtRiskPage(page, hasMore ? PageCursor.At(page[^1].OverdueSince, page[^1].AccountId).Encode() : null));
    }
}

/// <summary>
/// A row of the at-risk query, with the overdue time PostgreSQL computed (the keyset's sort key). Its columns are snake_case:
/// the naming convention maps this type's properties too.
/// </summary>
internal sealed record AtRiskRow(
    Guid AccountId, Guid CustomerId, DateTimeOffset FirstPurchaseAt, DateTimeOffset LastPurchaseAt, string? LastBranch, int PurchaseCount, DateTimeOffset OverdueAt);
