using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.Segments;

/// <summary>A customer who meets a segment's rules.</summary>
/// <param name="Email">The primary e-mail.</param>
/// <param name="ValueTier">Null for a new customer until their business's scores are next computed.</param>
public sealed record SegmentMemberResponse(
    Guid Id, string DisplayName, CustomerKind Kind, LifecycleStatus Status, string? HomeBranch, string? Email, ValueTier? ValueTier, string? RfmCell);

/// <summary>A page of members in id order; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record SegmentMemberPageResponse(IReadOnlyList<SegmentMemberResponse> Items, string? NextCursor);

/// <summary>How many customers meet a segment's rules now.</summary>
public sealed record SegmentCountResponse(Guid SegmentId, long Count, DateTimeOffset CountedAt);

/// <summary>Who meets a segment's rules, evaluated live (not the stored membership, which may be a minute behind).</summary>
public static class SegmentMembers
{
    /// <summary>The customers who meet the segment's rules now, in id order.</summary>
    public static async Task<Results<Ok<SegmentMemberPageResponse>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid segmentId, string? limit, string? cursor, CustomersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadCursor(cursor, errors)?.Id;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var segment = await SegmentApi.FindAsync(db, segmentId, tracking: false, cancellationToken);
        if (segment is null)
        {
            return SegmentApi.NotFound(segmentId);
        }

        var predicate = await SegmentApi.CompileAsync(segment, db, clock.GetUtcNow(), cancellationToken);
        var parameters = predicate.CloneParameters().ToList();
        parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = pageSize + 1 });
        var keyset = "";
        if (after is { } afterId)
        {
            parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = afterId });
            keyset = " AND c.id > @after";
        }

        var members = await RawSql.ReadAsync(
            db,
            $"""
            SELECT c.id, c.display_name, c.kind, c.status, c.home_branch, c.emails[1], m.value_tier, m.rfm_cell
            FROM {SegmentPredicate.CustomersWithMetrics}
            WHERE {predicate.Where}{keyset}
            ORDER BY c.id
            LIMIT @limit
            """,
            parameters,
            row => new SegmentMemberResponse(
                row.GetGuid(0),
                row.GetString(1),
                Enum.Parse<CustomerKind>(row.GetString(2)),
                Enum.Parse<LifecycleStatus>(row.GetString(3)),
                row.IsDBNull(4) ? null : row.GetString(4),
                row.IsDBNull(5) ? null : row.GetString(5),
                row.IsDBNull(6) ? null : Enum.Parse<ValueTier>(row.GetString(6)),
                row.IsDBNull(7) ? null : row.GetString(7)),
            cancellationToken);

        string? nextCursor = null;
        if (members.Count > pageSize)
        {
            members.RemoveAt(pageSize);
            nextCursor = new PageCursor("", members[^1].Id).Encode();
        }

        return TypedResults.Ok(new SegmentMemberPageResponse(members, nextCursor));
    }

    /// <summary>How many customers meet the segment's rules now.</summary>
    public static async Task<Results<Ok<SegmentCountResponse>, ProblemHttpResult>> CountAsync(
        Guid segmentId, CustomersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var segment = await SegmentApi.FindAsync(db, segmentId, tracking: false, cancellationToken);
        if (segment is null)
        {
            return SegmentApi.NotFound(segmentId);
        }

        var now = clock.GetUtcNow();
        var predicate = await SegmentApi.CompileAsync(segment, db, now, cancellationToken);
        var count = await RawSql.ScalarAsync(db, $"SELECT count(*) FROM {predicate.From} WHERE {predicate.Where}", predicate.CloneParameters(), cancellationToken);
        return TypedResults.Ok(new SegmentCountResponse(segment.Id, count, now));
    }
}
