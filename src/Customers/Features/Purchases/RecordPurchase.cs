using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Customers.Infrastructure.Configurations;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerPlatform.Customers.Features.Purchases;

/// <summary>Records a purchase, as a total or itemised in lines.</summary>
/// <param name="Branch">Code of the branch where it was made.</param>
/// <param name="Amount">Total paid, above zero, at most 4 decimal places. Required without lines; with lines, optional, and when given it must equal their total.</param>
/// <param name="Currency">ISO 4217 code, e.g. EUR; the lines' prices are in it too.</param>
/// <param name="OccurredAt">When it happened (UTC); now when omitted.</param>
/// <param name="Channel">How it was made; inStore when omitted.</param>
/// <param name="ExternalReference">The till's receipt id, unique within the business: sending the same sale again returns the purchase already recorded (200) instead of recording it twice.</param>
/// <param name="Lines">What was bought, at most 500 lines.</param>
public sealed record RecordPurchaseRequest(
    [property: Required, StringLength(50, MinimumLength = 1)] string Branch,
    [property: Range(typeof(decimal), "0.0001", "1000000000")] decimal? Amount,
    [property: Required, RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "A three-letter ISO 4217 code, e.g. EUR.")] string Currency,
    DateTimeOffset? OccurredAt,
    PurchaseChannel? Channel = null,
    [property: StringLength(100, MinimumLength = 1)] string? ExternalReference = null,
    [property: MaxLength(Purchase.MaxLines)] IReadOnlyList<PurchaseLineRequest>? Lines = null);

/// <summary>One line of a purchase.</summary>
/// <param name="Sku">The business's stock-keeping unit.</param>
/// <param name="Description">What the product is, as the receipt names it.</param>
/// <param name="Category">The product category; sales are reported by it.</param>
/// <param name="Quantity">How many; above zero, at most 4 decimal places (weights and lengths are fractional).</param>
/// <param name="UnitPrice">The price of one in the purchase's currency; zero or more, at most 4 decimal places.</param>
public sealed record PurchaseLineRequest(
    [property: Required, StringLength(64, MinimumLength = 1)] string Sku,
    [property: StringLength(200)] string? Description,
    [property: StringLength(100)] string? Category,
    [property: Range(typeof(decimal), "0.0001", "1000000")] decimal Quantity,
    [property: Range(typeof(decimal), "0", "1000000000")] decimal UnitPrice);

public static class RecordPurchase
{
    public static RouteHandlerBuilder MapRecordPurchase(this RouteGroupBuilder group) =>
        group.MapPost("/{customerId:guid}/purchases", HandleAsync).WithName("RecordPurchase").WithIdempotency<CustomersDbContext>();

    /// <summary>
    /// 201 with the new purchase; 200 with the existing one when its external reference was recorded before with
    /// the same details; 409 <c>duplicate</c> when the reference was recorded with other details.
    /// </summary>
    public static async Task<Results<Created<PurchaseResponse>, Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId,
        RecordPurchaseRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!tenant.MayActFor(request.Branch))
        {
            return Problems.OtherBranch(request.Branch);
        }

        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(customer => customer.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", customerId);
        }

        var now = clock.GetUtcNow();
        var lines = request.Lines?.Select(line => new NewPurchaseLine(line.Sku, line.Description, line.Category, line.Quantity, line.UnitPrice)).ToList();
        var purchase = Purchase.Record(
            customer, request.Branch, request.Amount, request.Currency, request.OccurredAt, now, request.Channel ?? PurchaseChannel.InStore, request.ExternalReference, lines);
        if (purchase.ExternalReference is { } reference && await FindByReferenceAsync(db, reference, cancellationToken) is { } recorded)
        {
            return AnswerRepeat(recorded, purchase, request);
        }

        db.Purchases.Add(purchase);
        db.EnqueueEvent(ToEvent(purchase), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (purchase.ExternalReference is not null
            && exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: PurchaseConfiguration.ExternalReferenceIndex })
        {
            // The same receipt raced in and committed first. EF rolled this save back to its savepoint, so the
            // transaction (the idempotency filter's, when there is one) can still read the winner.
            db.ChangeTracker.Clear();
            var winner = await FindByReferenceAsync(db, purchase.ExternalReference, cancellationToken)
                ?? throw new InvalidOperationException("A purchase vanished after a unique violation on its external reference.", exception);
            return AnswerRepeat(winner, purchase, request);
        }

        return TypedResults.Created($"/api/v1/customers/{customerId}/purchases/{purchase.Id}", PurchaseResponse.From(purchase));
    }

    private static Dictionary<string, string[]> Validate(RecordPurchaseRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Amount is null && request.Lines is not { Count: > 0 })
        {
            errors["amount"] = ["An amount is required when no lines are given."];
        }

        if (request.ExternalReference is not null && string.IsNullOrWhiteSpace(request.ExternalReference))
        {
            errors["externalReference"] = ["Leave it out, or send the receipt id."];
        }

        if (request.Lines is not null && request.Lines.Any(line => line is null))
        {
            errors["lines"] = ["A line cannot be null."];
        }

        return errors;
    }

    private static Task<Purchase?> FindByReferenceAsync(CustomersDbContext db, string reference, CancellationToken cancellationToken) =>
        db.Purchases.AsNoTracking()
            .Include(purchase => purchase.Lines)
            .Include(purchase => purchase.Refunds)
            .AsSplitQuery()
            .FirstOrDefaultAsync(purchase => purchase.ExternalReference == reference, cancellationToken);

    private static Results<Created<PurchaseResponse>, Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult> AnswerRepeat(
        Purchase recorded, Purchase repeat, RecordPurchaseRequest request)
    {
        if (recorded.SameSaleAs(repeat, compareOccurredAt: request.OccurredAt is not null))
        {
            return TypedResults.Ok(PurchaseResponse.From(recorded));
        }

        return ProblemDetailsSetup.Problem(
            StatusCodes.Status409Conflict,
            "A different purchase was already recorded with this external reference.",
            $"Purchase {recorded.Id} has external reference '{recorded.ExternalReference}'; a repeat must carry the same details, or use another reference.",
            ProblemTypes.Duplicate);
    }

    private static PurchaseRecorded ToEvent(Purchase purchase) =>
        new()
        {
            TenantId = purchase.TenantId,
            PurchaseId = purchase.Id,
            CustomerId = purchase.CustomerId,
            Branch = purchase.Branch,
            Amount = purchase.Amount,
            Currency = purchase.Currency,
            Channel = WireNames.Of(purchase.Channel),
            ExternalReference = purchase.ExternalReference,
            Lines = purchase.Lines.Count == 0
                ? null
                : [.. purchase.Lines.Select(line => new PurchaseRecordedLine
                {
                    Sku = line.Sku,
                    Category = line.Category,
                    Quantity = line.Quantity,
                    UnitPrice = line.UnitPrice,
                })],
            OccurredAt = purchase.OccurredAt,
        };
}
