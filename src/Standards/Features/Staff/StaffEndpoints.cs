using System.ComponentModel.DataAnnotations;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Features.Acknowledgements;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Staff;

/// <summary>A staff member to list.</summary>
/// <param name="Code">The business's own staff number or code, unique in the business (1 to 50 characters).</param>
/// <param name="Name">1 to 200 characters.</param>
/// <param name="Branch">The branch code they work at.</param>
public sealed record RegisterStaffRequest(
    [property: Required, StringLength(StaffMember.MaxCodeLength, MinimumLength = 1)] string Code,
    [property: Required, StringLength(StaffMember.MaxNameLength, MinimumLength = 1)] string Name,
    [property: Required, StringLength(PolicyContent.MaxBranchLength, MinimumLength = 1)] string Branch);

/// <summary>A staff member's whole record (the code never changes).</summary>
/// <param name="Active">Only active staff are asked to acknowledge newly published policies.</param>
public sealed record ChangeStaffRequest(
    [property: Required, StringLength(StaffMember.MaxNameLength, MinimumLength = 1)] string Name,
    [property: Required, StringLength(PolicyContent.MaxBranchLength, MinimumLength = 1)] string Branch,
    [property: Required] bool? Active);

public sealed record StaffResponse(Guid Id, string Code, string Name, string Branch, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static StaffResponse From(StaffMember staff) =>
        new(staff.Id, staff.Code, staff.Name, staff.Branch, staff.Active, staff.CreatedAt, staff.UpdatedAt);
}

public sealed record StaffPageResponse(IReadOnlyList<StaffResponse> Items, string? NextCursor);

public static class StaffEndpoints
{
    public const string BasePath = "/api/v1/standards/staff";

    public static void MapStaff(this RouteGroupBuilder standards)
    {
        var staff = standards.MapGroup("/staff").WithTags("Staff");
        staff.MapPost("", RegisterAsync).WithName("RegisterStaff").WithIdempotency<StandardsDbContext>();
        staff.MapGet("", ListAsync).WithName("ListStaff");
        staff.MapGet("/{staffId:guid}", GetAsync).WithName("GetStaff");
        staff.MapPut("/{staffId:guid}", ChangeAsync).WithName("ChangeStaff").RequiresIfMatch();
    }

    /// <summary>
    /// Lists a staff member, active, and asks them to acknowledge the policies already in force at their branch.
    /// 409 <c>duplicate</c> when the code is taken.
    /// </summary>
    public static async Task<Results<Created<StaffResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterStaffRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (code, name, branch) = (request.Code?.Trim() ?? "", request.Name?.Trim() ?? "", request.Branch?.Trim() ?? "");
        var errors = new Dictionary<string, string[]>();
        Check(errors, "code", code, StaffMember.MaxCodeLength);
        Check(errors, "name", name, StaffMember.MaxNameLength);
        Check(errors, "branch", branch, PolicyContent.MaxBranchLength);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!tenant.MayActFor(branch))
        {
            return Problems.OtherBranch(branch);
        }

        var now = clock.GetUtcNow();
        var staff = StaffMember.Register(tenant.TenantId, code, name, branch, now);
        db.StaffMembers.Add(staff);
        await AcknowledgementTasks.RequestMissingAsync(db, staff, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(staff.Version);
        return TypedResults.Created($"{BasePath}/{staff.Id}", StaffResponse.From(staff));
    }

    /// <summary>The business's staff, by code.</summary>
    /// <param name="branch">Only this branch's staff.</param>
    /// <param name="active">true or false: only active or only inactive staff.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<StaffPageResponse>, ValidationProblem>> ListAsync(
        StandardsDbContext db, CancellationToken cancellationToken, string? branch = null, string? active = null, string? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadCursor(cursor, errors);
        bool? onlyActive = null;
        if (active is not null)
        {
            if (bool.TryParse(active, out var parsed))
            {
                onlyActive = parsed;
            }
            else
            {
                errors["active"] = ["true or false."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.StaffMembers.AsNoTracking();
        if (branch is not null)
        {
            var code = branch.Trim();
            query = query.Where(staff => staff.Branch == code);
        }

        if (onlyActive is { } wanted)
        {
            query = query.Where(staff => staff.Active == wanted);
        }

        if (after is { } position)
        {
            query = query.Where(staff => string.Compare(staff.Code, position.Key) > 0);
        }

        var page = await query.OrderBy(staff => staff.Code).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = new PageCursor(page[^1].Code, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new StaffPageResponse([.. page.Select(StaffResponse.From)], nextCursor));
    }

    public static async Task<Results<Ok<StaffResponse>, ProblemHttpResult>> GetAsync(
        Guid staffId, StandardsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == staffId, cancellationToken);
        if (staff is null)
        {
            return Problems.NotFound("staff member", staffId);
        }

        http.Response.Headers.ETag = ETags.From(staff.Version);
        return TypedResults.Ok(StaffResponse.From(staff));
    }

    /// <summary>
    /// Replaces the record (If-Match with its ETag). A staff member made active, or moved, is asked to acknowledge
    /// the policies in force at their branch that they have not been asked about.
    /// </summary>
    public static async Task<Results<Ok<StaffResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid staffId, ChangeStaffRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (name, branch) = (request.Name?.Trim() ?? "", request.Branch?.Trim() ?? "");
        var errors = new Dictionary<string, string[]>();
        Check(errors, "name", name, StaffMember.MaxNameLength);
        Check(errors, "branch", branch, PolicyContent.MaxBranchLength);
        if (request.Active is null)
        {
            errors["active"] = ["true or false."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var staff = await db.StaffMembers.FirstOrDefaultAsync(candidate => candidate.Id == staffId, cancellationToken);
        if (staff is null)
        {
            return Problems.NotFound("staff member", staffId);
        }

        // Their branch now and the one they would move to: a branch key can neither take nor give away staff.
        if (!tenant.MayActFor(staff.Branch) || !tenant.MayActFor(branch))
        {
            return Problems.OtherBranch(tenant.MayActFor(staff.Branch) ? branch : staff.Branch);
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(staff.Version)) is { } precondition)
        {
            return precondition;
        }

        var now = clock.GetUtcNow();
        if (staff.Change(name, branch, request.Active!.Value, now))
        {
            await AcknowledgementTasks.RequestMissingAsync(db, staff, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        http.Response.Headers.ETag = ETags.From(staff.Version);
        return TypedResults.Ok(StaffResponse.From(staff));
    }

    private static void Check(Dictionary<string, string[]> errors, string field, string value, int maxLength)
    {
        if (value.Length is 0 || value.Length > maxLength)
        {
            errors[field] = [$"1 to {maxLength} characters."];
        }
    }
}
