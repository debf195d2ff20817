using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Segments;

/// <summary>
/// A business's segments: saved rule sets over its customers. Creating, changing or deleting one wakes the
/// background refresher, which brings the stored membership up to date and publishes who joined and who left.
/// </summary>
public static class ManageSegments
{
    public const int MaxSegments = 500;

    public static void MapSegments(this RouteGroupBuilder group)
    {
        group.MapPost("/segments", CreateAsync).WithName("CreateSegment").WithIdempotency<CustomersDbContext>();
        group.MapGet("/segments", ListAsync).WithName("ListSegments");
        group.MapGet("/segments/{segmentId:guid}", GetAsync).WithName("GetSegment");
        group.MapPut("/segments/{segmentId:guid}", UpdateAsync).WithName("UpdateSegment").RequiresIfMatch();
        group.MapDelete("/segments/{segmentId:guid}", DeleteAsync).WithName("DeleteSegment");
        group.MapGet("/segments/{segmentId:guid}/members", SegmentMembers.ListAsync).WithName("ListSegmentMembers");
        group.MapGet("/segments/{segmentId:guid}/count", SegmentMembers.CountAsync).WithName("CountSegmentMembers");
    }

    public static async Task<Results<Created<SegmentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SegmentRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        SegmentSignal signal,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (name, description) = CheckNames(request, errors);
        await SegmentApi.CheckRulesAsync(request.Rules, db, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await NameTakenAsync(db, name, except: null, cancellationToken))
        {
            return NameTaken(name);
        }

        if (await db.Segments.CountAsync(segment => segment.DeletedAt == null, cancellationToken) >= MaxSegments)
        {
            throw new DomainException("too-many-segments", $"A business has at most {MaxSegments} segments; delete one first.");
        }

        var segment = Segment.Create(tenant.TenantId, name, description, request.Rules!, clock.GetUtcNow());
        db.Segments.Add(segment);
        // Two creations of one name racing past the check above meet the unique index: the loser is a 409.
        await db.SaveChangesAsync(cancellationToken);
        signal.Nudge();

        http.Response.Headers.ETag = SegmentApi.ETagOf(segment);
        return TypedResults.Created($"/api/v1/customers/segments/{segment.Id}", SegmentResponse.From(segment));
    }

    /// <summary>The business's segments, oldest first.</summary>
    public static async Task<Results<Ok<SegmentPageResponse>, ValidationProblem>> ListAsync(
        CustomersDbContext db, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadCursor(cursor, errors)?.Id;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // C# has no ordering operator for Guid to translate; the keyset step is plain SQL, filtered by tenant as usual.
        var source = after is { } afterId ? db.Segments.FromSql($"SELECT * FROM segments WHERE id > {afterId}") : db.Segments;
        var query = source.AsNoTracking().Where(segment => segment.DeletedAt == null);

        var segments = await query.OrderBy(segment => segment.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (segments.Count > pageSize)
        {
            segments.RemoveAt(pageSize);
            nextCursor = new PageCursor("", segments[^1].Id).Encode();
        }

        return TypedResults.Ok(new SegmentPageResponse([.. segments.Select(SegmentResponse.From)], nextCursor));
    }

    public static async Task<Results<Ok<SegmentResponse>, ProblemHttpResult>> GetAsync(
        Guid segmentId, CustomersDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var segment = await SegmentApi.FindAsync(db, segmentId, tracking: false, cancellationToken);
        if (segment is null)
        {
            return SegmentApi.NotFound(segmentId);
        }

        http.Response.Headers.ETag = SegmentApi.ETagOf(segment);
        return TypedResults.Ok(SegmentResponse.From(segment));
    }

    /// <summary>Replaces the segment's name, description and rules; needs <c>If-Match</c> with the ETag last read.</summary>
    public static async Task<Results<Ok<SegmentResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid segmentId,
        SegmentRequest request,
        CustomersDbContext db,
        TimeProvider clock,
        SegmentSignal signal,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (name, description) = CheckNames(request, errors);
        await SegmentApi.CheckRulesAsync(request.Rules, db, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var segment = await SegmentApi.FindAsync(db, segmentId, tracking: true, cancellationToken);
        if (segment is null)
        {
            return SegmentApi.NotFound(segmentId);
        }

        if (ETags.CheckIfMatch(http.Request, SegmentApi.ETagOf(segment)) is { } precondition)
        {
            return precondition;
        }

        if (await NameTakenAsync(db, name, except: segment.Id, cancellationToken))
        {
            return NameTaken(name);
        }

        segment.Update(name, description, request.Rules!, clock.GetUtcNow());
        // The revision is the concurrency token: a change committed since the read above makes this a 412.
        await db.SaveChangesAsync(cancellationToken);
        signal.Nudge();

        http.Response.Headers.ETag = SegmentApi.ETagOf(segment);
        return TypedResults.Ok(SegmentResponse.From(segment));
    }

    /// <summary>
    /// Deletes the segment (with <c>If-Match</c>, only if unchanged since read). Its members are then announced as
    /// leaving, in the background, before it is gone for good.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid segmentId, CustomersDbContext db, TimeProvider clock, SegmentSignal signal, HttpContext http, CancellationToken cancellationToken)
    {
        var segment = await SegmentApi.FindAsync(db, segmentId, tracking: true, cancellationToken);
        if (segment is null)
        {
            return SegmentApi.NotFound(segmentId);
        }

        if (http.Request.Headers.IfMatch.Count > 0 && ETags.CheckIfMatch(http.Request, SegmentApi.ETagOf(segment)) is { } precondition)
        {
            return precondition;
        }

        segment.Delete(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Nudge();
        return TypedResults.NoContent();
    }

    private static (string Name, string? Description) CheckNames(SegmentRequest request, Dictionary<string, string[]> errors)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > Segment.MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {Segment.MaxNameLength} characters is required."];
        }

        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        if (description is { Length: > Segment.MaxDescriptionLength })
        {
            errors["description"] = [$"At most {Segment.MaxDescriptionLength} characters."];
        }

        return (name, description);
    }

    private static Task<bool> NameTakenAsync(CustomersDbContext db, string name, Guid? except, CancellationToken cancellationToken) =>
        db.Segments.AnyAsync(segment => segment.Name == name && segment.DeletedAt == null && segment.Id != except, cancellationToken);

    private static ProblemHttpResult NameTaken(string name) =>
        ProblemDetailsSetup.Problem(
            StatusCodes.Status409Conflict,
            $"A segment named '{name}' already exists.",
            "Segment names are unique within a business; change the existing segment with PUT instead.",
            ProblemTypes.Duplicate);
}
