using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Features.Metrics;
using CustomerPlatform.Customers.Features.Records;
using CustomerPlatform.Customers.Features.Segments;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.DataCurrency;

/// <summary>Which customer to merge into the survivor named in the path.</summary>
/// <param name="MergedId">The customer merged away: its history moves to the survivor and it is archived as merged.</param>
public sealed record MergeCustomersRequest(Guid? MergedId);

/// <summary>
/// Merges two records of one customer in one transaction: the merged customer's purchases (with their lines and
/// refunds), service visits, interactions, consent decisions and activities move to the survivor; the survivor's
/// contact details take in the merged one's, its consent is recomputed from the combined history and its purchase
/// metrics from the combined purchases; the merged customer is archived pointing at the survivor. Publishes
/// <see cref="CustomersMerged"/> so other services re-point their records.
/// </summary>
public static class MergeCustomers
{
    public static void MapMergeCustomers(this RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/merge", HandleAsync).WithName("MergeCustomers");

    /// <summary>
    /// Merges <c>mergedId</c> into the survivor (the customer in the path); needs <c>If-Match</c> with the survivor's ETag. Answers with the
    /// survivor. A merged customer cannot be merged again (409) and a customer cannot be merged with itself (422).
    /// </summary>
    public static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        MergeCustomersRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        SegmentSignal segments,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var survivorId = id;
        if (request.MergedId is not { } mergedId || mergedId == Guid.Empty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mergedId"] = ["The id of the customer to merge is required."] });
        }

        if (mergedId == survivorId)
        {
            throw new DomainException("merge-with-itself", "A customer cannot be merged with itself: name another customer as mergedId.");
        }

        var outcome = await db.Database.CreateExecutionStrategy().ExecuteAsync(async Task<ProblemHttpResult?> () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Both rows locked in one order: concurrent merges of the pair (either way round) queue here instead of
            // deadlocking, and the later one then sees the first one's result (412 or 409).
            await db.Database.SqlQuery<Guid>(
                    $"""SELECT id AS "Value" FROM customers WHERE tenant_id = {tenant.TenantId} AND id IN ({survivorId}, {mergedId}) ORDER BY id FOR UPDATE""")
                .ToListAsync(cancellationToken);
            var pair = await db.Customers.Where(customer => customer.Id == survivorId || customer.Id == mergedId).ToListAsync(cancellationToken);
            var survivor = pair.FirstOrDefault(customer => customer.Id == survivorId);
            var merged = pair.FirstOrDefault(customer => customer.Id == mergedId);
            if (Refusal(survivor, merged, survivorId, mergedId, tenant, http) is { } refusal)
            {
                return refusal;
            }

            var now = clock.GetUtcNow();
            await MoveHistoryAsync(db, tenant.TenantId, survivor!.Id, merged!.Id, cancellationToken);
            // Both from the purchases as they now stand: the merged customer holds none, so its metrics go.
            await PurchaseMetrics.RecomputeAsync(db, tenant.TenantId, merged.Id, now, cancellationToken);
            if (await PurchaseMetrics.RecomputeAsync(db, tenant.TenantId, survivor.Id, now, cancellationToken))
            {
                survivor.MarkPurchased();
            }

            var consentBefore = survivor.Consent;
            var history = await db.ConsentRecords.AsNoTracking().Where(record => record.CustomerId == survivor.Id).ToListAsync(cancellationToken);
            var consent = CustomerMerge.CurrentConsent(history);
            var changed = survivor.AbsorbMerged(CustomerMerge.UniteContacts(survivor.CurrentDetails(), merged.CurrentDetails()), consent, now);
            merged.MarkMergedInto(survivor.Id, now);

            db.EnqueueEvent(new CustomersMerged { TenantId = survivor.TenantId, SurvivorCustomerId = survivor.Id, MergedCustomerId = merged.Id, OccurredAt = now }, now);
            if (changed.Count > 0)
            {
                db.EnqueueEvent(UpdateCustomer.Updated(survivor, changed, now), now);
            }

            foreach (var (channel, state) in consent.Where(pair => !consentBefore.TryGetValue(pair.Key, out var before) || before.Granted != pair.Value.Granted))
            {
                db.EnqueueEvent(new CustomerConsentChanged
                {
                    TenantId = survivor.TenantId,
                    CustomerId = survivor.Id,
                    Channel = WireNames.Of(channel),
                    Granted = state.Granted,
                    Source = "merge",
                    OccurredAt = state.Since,
                }, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        });

        if (outcome is not null)
        {
            return outcome;
        }

        // The merged customer leaves its segments and the survivor's scores change: refresh without waiting.
        segments.Nudge();
        var result = await db.Customers.AsNoTracking().FirstAsync(customer => customer.Id == survivorId, cancellationToken);
        return CustomerRecords.Ok(http, result);
    }

    private static ProblemHttpResult? Refusal(Customer? survivor, Customer? merged, Guid survivorId, Guid mergedId, TenantContext tenant, HttpContext http)
    {
        if (survivor is null)
        {
            return Problems.NotFound("customer", survivorId);
        }

        if (merged is null)
        {
            return Problems.NotFound("customer", mergedId);
        }

        foreach (var branch in new[] { survivor.HomeBranch, merged.HomeBranch })
        {
            if (branch is not null && !tenant.MayActFor(branch))
            {
                return Problems.OtherBranch(branch);
            }
        }

        if (ETags.CheckIfMatch(http.Request, CustomerRecords.ETagOf(survivor)) is { } precondition)
        {
            return precondition;
        }

        // Merged or archived: 409 with the domain's stable problem type.
        survivor.EnsureChangeable();
        merged.EnsureChangeable();
        return null;
    }

    private static async Task MoveHistoryAsync(CustomersDbContext db, Guid tenantId, Guid survivorId, Guid mergedId, CancellationToken cancellationToken)
    {
        // Purchase lines hang off their purchase, so they follow it.
        await db.Database.ExecuteSqlAsync($"UPDATE purchases SET customer_id = {survivorId} WHERE tenant_id = {tenantId} AND customer_id = {mergedId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE purchase_refunds SET customer_id = {survivorId} WHERE tenant_id = {tenantId} AND customer_id = {mergedId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE service_visits SET customer_id = {survivorId} WHERE tenant_id = {tenantId} AND customer_id = {mergedId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE interactions SET customer_id = {survivorId} WHERE tenant_id = {tenantId} AND customer_id = {mergedId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE consent_records SET customer_id = {survivorId} WHERE tenant_id = {tenantId} AND customer_id = {mergedId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE customer_activities SET customer_id = {survivorId} WHERE tenant_id = {tenantId} AND customer_id = {mergedId}", cancellationToken);
        // A dismissal naming the merged customer says nothing about the survivor.
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM duplicate_dismissals WHERE tenant_id = {tenantId} AND (customer_a = {mergedId} OR customer_b = {mergedId})", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM duplicate_candidates WHERE tenant_id = {tenantId} AND (customer_a = {mergedId} OR customer_b = {mergedId})", cancellationToken);
    }
}
