using System.Globalization;
using CustomerPlatform.Loyalty.Domain.Programs;
using CustomerPlatform.Loyalty.Features.Tiers;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.ManageProgram;

/// <summary>
/// <c>/program</c>: the business's loyalty program. Every change is a new immutable version in force from then on;
/// older versions stay readable because ledger entries name the version that computed them. The ETag is the version
/// number, so If-Match on a PUT says which version the client meant to replace.
/// </summary>
public static class ProgramEndpoints
{
    public const string Path = "/api/v1/loyalty/program";

    public static void MapLoyaltyProgram(this RouteGroupBuilder loyalty)
    {
        var program = loyalty.MapGroup("/program").WithTags("Loyalty program");
        program.MapGet("", GetAsync).WithName("GetLoyaltyProgram")
            .WithSummary("The program version in force, with its ETag; version 0 (one point per whole unit) until the business sets one.");
        program.MapPut("", PutAsync).WithName("SetLoyaltyProgram").RequiresIfMatch()
            .WithSummary("Makes a new version of the program, in force from now; needs If-Match with the current ETag; not with a branch-restricted key.");
        program.MapGet("/versions", ListAsync).WithName("ListLoyaltyProgramVersions")
            .WithSummary("Every version the business has set, newest first.");
        program.MapGet("/versions/{version:int}", GetVersionAsync).WithName("GetLoyaltyProgramVersion")
            .WithSummary("One version, as it was set; 0 is the built-in default.");
    }

    public static async Task<Ok<ProgramResponse>> GetAsync(LoyaltyDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var current = await ProgramBook.CurrentAsync(db, cancellationToken);
        http.Response.Headers.ETag = ETagOf(current.Version);
        return TypedResults.Ok(ProgramResponse.From(current));
    }

    /// <summary>400 with field errors, 403 for a branch-restricted key, 428/412 without the current ETag; 201 for the first version, 200 after.</summary>
    public static async Task<Results<Created<ProgramResponse>, Ok<ProgramResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        ProgramRequest request, LoyaltyDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var rules = ProgramRequests.Read(request, errors);
        if (rules is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The program governs every branch's earning, so only a key for the whole business may change it.
        if (tenant.Branch is not null)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden,
                "A branch-restricted key cannot change the business's loyalty program.",
                type: ProblemTypes.Forbidden);
        }

        var current = await ProgramBook.CurrentAsync(db, cancellationToken);
        if (ETags.CheckIfMatch(http.Request, ETagOf(current.Version)) is { } precondition)
        {
            return precondition;
        }

        var next = LoyaltyProgramVersion.Next(tenant.TenantId, current.Version, rules, clock.GetUtcNow());
        // The version and the tier review it asks for commit together: a version whose tiers no account was ever
        // evaluated against would leave customers in tiers the program no longer gives.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.ProgramVersions.Add(next);
            // A concurrent PUT from the same version makes the same number: the unique key turns the loser into a 409.
            await db.SaveChangesAsync(cancellationToken);
            if (rules.Tiers.Count > 0 || current.Rules.Tiers.Count > 0)
            {
                await AccountTiers.ReviewAllAsync(db, tenant.TenantId, next.EffectiveFrom, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });

        var response = ProgramResponse.From(ProgramInForce.From(next));
        http.Response.Headers.ETag = ETagOf(next.Version);
        return current.Version == 0
            ? TypedResults.Created(VersionPath(next.Version), response)
            : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<ProgramVersionPage>, ValidationProblem>> ListAsync(
        string? limit, string? cursor, LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var size = Paging.ReadLimit(limit, errors);
        int? before = null;
        if (Paging.ReadCursor(cursor, errors) is { } after)
        {
            if (int.TryParse(after.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                before = version;
            }
            else
            {
                errors["cursor"] = ["Not a cursor this list issued: pass the nextCursor of a previous page unchanged."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.ProgramVersions.AsNoTracking();
        if (before is { } older)
        {
            query = query.Where(version => version.Version < older);
        }

        var rows = await query.OrderByDescending(version => version.Version).Take(size + 1).ToListAsync(cancellationToken);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size
            ? new PageCursor(page[^1].Version.ToString(CultureInfo.InvariantCulture), page[^1].Id).Encode()
            : null;
        return TypedResults.Ok(new ProgramVersionPage([.. page.Select(row => ProgramResponse.From(ProgramInForce.From(row)))], next));
    }

    /// <summary>404 for a version the business never set.</summary>
    public static async Task<Results<Ok<ProgramResponse>, ProblemHttpResult>> GetVersionAsync(
        int version, LoyaltyDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (version == 0)
        {
            http.Response.Headers.ETag = ETagOf(0);
            return TypedResults.Ok(ProgramResponse.From(ProgramInForce.Default));
        }

        var row = await db.ProgramVersions.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Version == version, cancellationToken);
        if (row is null)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status404NotFound, $"The loyalty program has no version {version}.", type: ProblemTypes.NotFound);
        }

        http.Response.Headers.ETag = ETagOf(row.Version);
        return TypedResults.Ok(ProgramResponse.From(ProgramInForce.From(row)));
    }

    private static string ETagOf(int version) => ETags.From((uint)version);

    private static string VersionPath(int version) => $"{Path}/versions/{version}";
}
