using CustomerPlatform.Gateway.Infrastructure;
using CustomerPlatform.Gateway.Proxy;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Gateway.Features.Audit;

/// <summary>One audited request.</summary>
/// <param name="KeyId">The API key that made it.</param>
/// <param name="Branch">The branch the key is restricted to, or null.</param>
/// <param name="Route">The request path (never its query string).</param>
/// <param name="TargetId">The resource created (from a 201's Location) or acted on (the last id in the path).</param>
public sealed record AuditEntryResponse(
    Guid Id, Guid KeyId, string? Branch, string Method, string Route, Guid? TargetId, int Status, string? CorrelationId, DateTimeOffset OccurredAt);

/// <summary>A page of the audit trail, newest first; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Items, string? NextCursor);

public static class ListAuditEntries
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    // keys:manage, the owner's scope: the trail shows every key's activity, so only who manages keys reads it.
    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1/audit").WithTags("Audit").RequireApiKeyScope(Scopes.KeysManage)
            .MapGet("", HandleAsync).WithName("ListAuditEntries");

    /// <summary>The caller's business's audit trail, newest first, optionally from (inclusive) and to (exclusive) a time.</summary>
    public static async Task<Results<Ok<AuditPageResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext http,
        GatewayDbContext db,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? method,
        int? status,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken)
    {
        if (limit is < 1)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status400BadRequest, "The limit must be at least 1.");
        }

        AuditCursor after = default;
        if (cursor is not null && !AuditCursor.TryDecode(cursor, out after))
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status400BadRequest, "The cursor is not valid.", "Pass the nextCursor of a previous page unchanged.");
        }

        var tenantId = http.Features.GetRequiredFeature<InternalCaller>().TenantId;
        var pageSize = Math.Min(limit ?? DefaultLimit, MaxLimit);
        var query = db.AuditEntries.AsNoTracking().Where(entry => entry.TenantId == tenantId);
        if (from is { } fromTime)
        {
            // PostgreSQL's timestamptz parameters must be UTC.
            var start = fromTime.ToUniversalTime();
            query = query.Where(entry => entry.OccurredAt >= start);
        }

        if (to is { } toTime)
        {
            var end = toTime.ToUniversalTime();
            query = query.Where(entry => entry.OccurredAt < end);
        }

        if (!string.IsNullOrEmpty(method))
        {
            var upper = method.ToUpperInvariant();
            query = query.Where(entry => entry.Method == upper);
        }

        if (status is { } statusCode)
        {
            query = query.Where(entry => entry.Status == statusCode);
        }

        if (cursor is not null)
        {
            query = query.Where(entry =>
                EF.Functions.LessThan(ValueTuple.Create(entry.OccurredAt, entry.Id), ValueTuple.Create(after.OccurredAt, after.Id)));
        }

        var items = await query
            .OrderByDescending(entry => entry.OccurredAt)
            .ThenByDescending(entry => entry.Id)
            .Take(pageSize + 1)
            .Select(entry => new AuditEntryResponse(
                entry.Id, entry.KeyId, entry.Branch, entry.Method, entry.Route, entry.TargetId, entry.Status, entry.CorrelationId, entry.OccurredAt))
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (items.Count > pageSize)
        {
            items.RemoveAt(pageSize);
            nextCursor = new AuditCursor(items[^1].OccurredAt, items[^1].Id).Encode();
        }

        return TypedResults.Ok(new AuditPageResponse(items, nextCursor));
    }
}
