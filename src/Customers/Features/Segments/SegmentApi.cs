using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Segments;

/// <summary>Creates or replaces a segment.</summary>
/// <param name="Name">Unique among the business's segments, 1 to 100 characters.</param>
/// <param name="Description">What the segment is for; at most 1,000 characters.</param>
/// <param name="Rules">Who belongs: every condition must hold; an <c>any</c> group holds when one of its conditions does.</param>
public sealed record SegmentRequest(string? Name, string? Description, SegmentRules? Rules);

/// <summary>A segment.</summary>
/// <param name="MemberCount">Members as of the last membership refresh (<paramref name="RefreshedAt"/>); null before the first. <c>GET .../count</c> counts live.</param>
/// <param name="RefreshPending">Whether a change (to the rules, or to customers' scores) waits for the membership to be refreshed.</param>
public sealed record SegmentResponse(
    Guid Id,
    string Name,
    string? Description,
    SegmentRules Rules,
    int? MemberCount,
    DateTimeOffset? RefreshedAt,
    bool RefreshPending,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SegmentResponse From(Segment segment) => new(
        segment.Id,
        segment.Name,
        segment.Description,
        segment.Rules,
        segment.MemberCount,
        segment.RefreshedAt,
        segment.ChangeGeneration > segment.RefreshedGeneration,
        segment.CreatedAt,
        segment.UpdatedAt);
}

/// <summary>A page of segments, oldest first; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record SegmentPageResponse(IReadOnlyList<SegmentResponse> Items, string? NextCursor);

/// <summary>What the segment endpoints share: finding a live segment, checking rules, answering with the ETag.</summary>
internal static class SegmentApi
{
    public static string ETagOf(Segment segment) => ETags.From((uint)segment.Revision);

    public static Task<Segment?> FindAsync(CustomersDbContext db, Guid id, bool tracking, CancellationToken cancellationToken) =>
        (tracking ? db.Segments : db.Segments.AsNoTracking())
            .FirstOrDefaultAsync(segment => segment.Id == id && segment.DeletedAt == null, cancellationToken);

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("segment", id);

    /// <summary>The filters of <paramref name="rules"/>, or null with the errors; reads attribute definitions only when a rule names one.</summary>
    public static async Task<IReadOnlyList<SegmentFilter>?> CheckRulesAsync(
        SegmentRules? rules, CustomersDbContext db, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var namesAttribute = rules?.Conditions?.Any(condition =>
            condition?.Field == SegmentField.Attribute || condition?.Any?.Any(inner => inner?.Field == SegmentField.Attribute) == true) == true;
        var definitions = namesAttribute
            ? await db.AttributeDefinitions.AsNoTracking().ToDictionaryAsync(definition => definition.Key, StringComparer.Ordinal, cancellationToken)
            : [];
        return SegmentRuleChecker.Check(rules, definitions, errors);
    }

    /// <summary>The stored segment's condition, as of <paramref name="now"/>.</summary>
    public static async Task<SegmentPredicate> CompileAsync(Segment segment, CustomersDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filters = await CheckRulesAsync(segment.Rules, db, errors, cancellationToken)
            ?? throw new DomainException(
                "segment-rules-invalid",
                $"Segment {segment.Id}'s rules no longer check ({string.Join("; ", errors.Select(error => $"{error.Key}: {error.Value[0]}"))}); replace them.");
        return SegmentSql.Compile(filters, segment.TenantId, now);
    }
}
