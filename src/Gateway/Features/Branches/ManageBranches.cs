using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.Gateway.Infrastructure;
using CustomerPlatform.Gateway.Proxy;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Gateway.Features.Branches;

/// <summary>
/// The business's branch directory. Any key of the business may read it; changing it needs <c>branches:manage</c>,
/// and a branch-restricted key may only register or change its own branch. Every change is published through the
/// outbox (<see cref="BranchRegistered"/>, <see cref="BranchUpdated"/>, <see cref="BranchClosed"/>) in the same
/// transaction. Another business's branch is a 404, as a missing one is.
/// </summary>
public static class ManageBranches
{
    public static void MapBranches(this IEndpointRouteBuilder app)
    {
        var branches = app.MapGroup("/api/v1/branches").WithTags("Branches").RequireApiKey();
        branches.MapGet("", ListAsync).WithName("ListBranches");
        branches.MapGet("/{code}", GetAsync).WithName("GetBranch");
        branches.MapPost("", RegisterAsync).WithName("RegisterBranch").RequireApiKeyScope(Scopes.BranchesManage);
        branches.MapPut("/{code}", UpdateAsync).WithName("UpdateBranch").RequiresIfMatch().RequireApiKeyScope(Scopes.BranchesManage);
        branches.MapPost("/{code}/close", CloseAsync).WithName("CloseBranch").RequireApiKeyScope(Scopes.BranchesManage);
    }

    public static async Task<Results<Created<BranchResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterBranchRequest request, HttpContext http, GatewayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = http.Features.GetRequiredFeature<InternalCaller>();
        var errors = new Dictionary<string, string[]>();
        if (!BranchDetails.IsValidCode(request.Code))
        {
            errors["code"] = ["A code of 1 to 50 letters, digits, '-', '_' or '.', starting with a letter or digit, is required."];
        }

        var details = ToDetails(request, errors);
        if (details is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!MayManage(caller, request.Code))
        {
            return Problems.OtherBranch(request.Code);
        }

        if (await db.Branches.AnyAsync(branch => branch.TenantId == caller.TenantId && branch.Code == request.Code, cancellationToken))
        {
            return AlreadyExists(request.Code);
        }

        var now = clock.GetUtcNow();
        var registered = Branch.Register(caller.TenantId, request.Code, details, now);
        db.Branches.Add(registered);
        db.EnqueueEvent(new BranchRegistered
        {
            TenantId = registered.TenantId,
            Code = registered.Code,
            Name = registered.Name,
            Address = registered.Address,
            TimeZone = registered.TimeZone,
            OpeningHours = registered.OpeningHours,
            Holidays = registered.Holidays,
            Revision = registered.Revision,
            OccurredAt = now,
        }, now);
        // Two registrations of one code racing past the check above meet the unique index: the loser is a 409.
        await db.SaveChangesAsync(cancellationToken);
        return Created(http, registered);
    }

    /// <summary>The business's branches by code; <c>status=open</c> or <c>closed</c> lists only those.</summary>
    public static async Task<Results<Ok<BranchListResponse>, ValidationProblem>> ListAsync(
        HttpContext http, GatewayDbContext db, CancellationToken cancellationToken, string? status = null)
    {
        var tenantId = http.Features.GetRequiredFeature<InternalCaller>().TenantId;
        var query = db.Branches.AsNoTracking().Where(branch => branch.TenantId == tenantId);
        switch (status?.ToLowerInvariant())
        {
            case null:
                break;
            case "open":
                query = query.Where(branch => branch.ClosedAt == null);
                break;
            case "closed":
                query = query.Where(branch => branch.ClosedAt != null);
                break;
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Use 'open' or 'closed', or leave it out for all."] });
        }

        var branches = await query.OrderBy(branch => branch.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(new BranchListResponse([.. branches.Select(BranchResponse.From)]));
    }

    public static async Task<Results<Ok<BranchResponse>, ProblemHttpResult>> GetAsync(
        string code, HttpContext http, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var branch = await FindAsync(code, http, db.Branches.AsNoTracking(), cancellationToken);
        if (branch is null)
        {
            return NotFound(code);
        }

        http.Response.Headers.ETag = ETagOf(branch);
        return TypedResults.Ok(BranchResponse.From(branch));
    }

    /// <summary>Replaces the branch's details; needs <c>If-Match</c> with the ETag last read. No change publishes nothing.</summary>
    public static async Task<Results<Ok<BranchResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string code, UpdateBranchRequest request, HttpContext http, GatewayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = http.Features.GetRequiredFeature<InternalCaller>();
        var errors = new Dictionary<string, string[]>();
        var details = ToDetails(request, errors);
        if (details is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var branch = await FindAsync(code, http, db.Branches, cancellationToken);
        if (branch is null)
        {
            return NotFound(code);
        }

        if (!MayManage(caller, branch.Code))
        {
            return Problems.OtherBranch(branch.Code);
        }

        if (ETags.CheckIfMatch(http.Request, ETagOf(branch)) is { } precondition)
        {
            return precondition;
        }

        var now = clock.GetUtcNow();
        var changed = branch.Update(details, now);
        if (changed.Count > 0)
        {
            db.EnqueueEvent(new BranchUpdated
            {
                TenantId = branch.TenantId,
                Code = branch.Code,
                Name = branch.Name,
                Address = branch.Address,
                TimeZone = branch.TimeZone,
                OpeningHours = branch.OpeningHours,
                Holidays = branch.Holidays,
                Changed = changed,
                Revision = branch.Revision,
                OccurredAt = now,
            }, now);
            // The revision is the concurrency token: a change committed since the read above makes this a 412.
            await db.SaveChangesAsync(cancellationToken);
        }

        http.Response.Headers.ETag = ETagOf(branch);
        return TypedResults.Ok(BranchResponse.From(branch));
    }

    /// <summary>Closes the branch for good; closing a closed branch again is harmless and publishes nothing.</summary>
    public static async Task<Results<Ok<BranchResponse>, ProblemHttpResult>> CloseAsync(
        string code, HttpContext http, GatewayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = http.Features.GetRequiredFeature<InternalCaller>();
        var branch = await FindAsync(code, http, db.Branches, cancellationToken);
        if (branch is null)
        {
            return NotFound(code);
        }

        if (!MayManage(caller, branch.Code))
        {
            return Problems.OtherBranch(branch.Code);
        }

        var now = clock.GetUtcNow();
        if (branch.Close(now))
        {
            db.EnqueueEvent(new BranchClosed { TenantId = branch.TenantId, Code = branch.Code, Revision = branch.Revision, OccurredAt = now }, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        http.Response.Headers.ETag = ETagOf(branch);
        return TypedResults.Ok(BranchResponse.From(branch));
    }

    private static BranchDetails? ToDetails(IBranchFields fields, Dictionary<string, string[]> errors) =>
        BranchDetails.TryCreate(fields.Name, fields.Address, fields.TimeZone, fields.OpeningHours, fields.Holidays, errors);

    private static bool MayManage(InternalCaller caller, string code) =>
        caller.Branch is null || string.Equals(caller.Branch, code.Trim(), StringComparison.Ordinal);

    private static string ETagOf(Branch branch) => ETags.From((uint)branch.Revision);

    private static Created<BranchResponse> Created(HttpContext http, Branch branch)
    {
        http.Response.Headers.ETag = ETagOf(branch);
        return TypedResults.Created($"/api/v1/branches/{Uri.EscapeDataString(branch.Code)}", BranchResponse.From(branch));
    }

    private static Task<Branch?> FindAsync(string code, HttpContext http, IQueryable<Branch> branches, CancellationToken cancellationToken)
    {
        var tenantId = http.Features.GetRequiredFeature<InternalCaller>().TenantId;
        return branches.FirstOrDefaultAsync(branch => branch.TenantId == tenantId && branch.Code == code, cancellationToken);
    }

    private static ProblemHttpResult NotFound(string code) =>
        ProblemDetailsSetup.Problem(StatusCodes.Status404NotFound, $"No branch with code '{BranchDetails.Shorten(code)}' exists.", type: ProblemTypes.NotFound);

    private static ProblemHttpResult AlreadyExists(string code) =>
        ProblemDetailsSetup.Problem(
            StatusCodes.Status409Conflict,
            $"A branch with code '{code}' already exists.",
            "Branch codes are unique within a business; change the existing branch with PUT instead.",
            ProblemTypes.Duplicate);
}
