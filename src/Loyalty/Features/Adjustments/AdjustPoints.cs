using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Loyalty;
using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Features.Ledger;
using CustomerPlatform.Loyalty.Features.ManageProgram;
using CustomerPlatform.Loyalty.Features.OpenAccount;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Adjustments;

/// <summary>A correction of a customer's points by staff.</summary>
/// <param name="Points">Signed points: positive credits, negative debits; not zero, at most 1,000,000,000 either way.
/// A debit beyond the balance is refused (422 insufficient-points).</param>
/// <param name="Reason">Why, up to 500 characters; kept on the ledger entry and published.</param>
/// <param name="Branch">The branch code it is made for; a branch-restricted key's own branch when omitted.</param>
public sealed record AdjustPointsRequest(
    [property: Required] long? Points,
    [property: Required, StringLength(500, MinimumLength = 1)] string Reason,
    [property: StringLength(50, MinimumLength = 1)] string? Branch);

/// <summary><c>POST /accounts/{customerId}/adjustments</c>: an adjust entry on the ledger and a PointsAdjusted event.</summary>
public static class AdjustPoints
{
    /// <summary>Far beyond any real correction, and far from overflowing a balance.</summary>
    public const long MaxPoints = 1_000_000_000;

    public static RouteHandlerBuilder MapAdjustPoints(this RouteGroupBuilder group) =>
        group.MapPost("/accounts/{customerId:guid}/adjustments", HandleAsync).WithName("AdjustLoyaltyPoints").WithIdempotency<LoyaltyDbContext>();

    /// <summary>Adjusts the customer's points; 201 with the ledger entry.</summary>
    public static async Task<Results<Created<LedgerLineResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId,
        AdjustPointsRequest request,
        LoyaltyDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        // Checked here as well as by [Required]: a missing value must be a 400, never a null reaching the domain.
        if (request.Points is null or 0 or < -MaxPoints or > MaxPoints)
        {
            errors["points"] = [$"A non-zero whole number from -{MaxPoints} to {MaxPoints}."];
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["Say why the points are adjusted."];
        }

        if (request.Branch is not null && string.IsNullOrWhiteSpace(request.Branch))
        {
            errors["branch"] = ["A branch code, or omit it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var branch = request.Branch?.Trim() ?? tenant.Branch;
        if (branch is not null && !tenant.MayActFor(branch))
        {
            return Problems.OtherBranch(branch);
        }

        // Under Idempotency-Key the filter's transaction holds the row lock to commit; without one, this does.
        if (db.Database.CurrentTransaction is not null)
        {
            return await AdjustAsync(customerId, request, branch, db, tenant, clock, http, cancellationToken);
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await AdjustAsync(customerId, request, branch, db, tenant, clock, http, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    private static async Task<Results<Created<LedgerLineResponse>, ValidationProblem, ProblemHttpResult>> AdjustAsync(
        Guid customerId,
        AdjustPointsRequest request,
        string? branch,
        LoyaltyDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var account = await AccountLocks.LockForCustomerAsync(db, tenant.TenantId, customerId, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("loyalty account for customer", customerId);
        }

        // Not followed to a merge survivor: a caller adjusting a merged-away customer gets 409 account-merged from
        // the account rather than silently changing another customer's points.
        var now = clock.GetUtcNow();
        var actor = http.User.Identity?.Name ?? "unknown";
        var reason = request.Reason.Trim();
        var posting = new LedgerPosting(LedgerEntryType.Adjust, request.Points!.Value, LedgerSource.Adjustment, Guid.CreateVersion7(now), branch, now)
        {
            Reason = reason,
            Actor = actor,
        };
        if (posting.Points > 0)
        {
            // Credited points lapse like earned ones (the rules in force now), or a correction would make points that never expire.
            var program = await ProgramBook.CurrentAsync(db, cancellationToken);
            posting = program.Rules.Expiry.Fix(posting with { RuleVersion = program.Version });
        }

        var entry = account.Post(posting, now);
        db.LedgerEntries.Add(entry);
        LoyaltyTelemetry.RecordPosting(entry);
        db.EnqueueEvent(new PointsAdjusted
        {
            TenantId = account.TenantId,
            EventId = entry.Id,
            EntryId = entry.Id,
            AccountId = account.Id,
            CustomerId = account.CustomerId,
            Branch = branch,
            Source = "adjustment",
            SourceId = entry.SourceId,
            Points = entry.Points,
            BalanceAfter = entry.BalanceAfter,
            Reason = reason,
            Actor = actor,
            OccurredAt = now,
        }, now);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created(ListLedger.EntryPath(customerId, entry.Id), LedgerLineResponse.From(entry));
    }
}
