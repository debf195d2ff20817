using CustomerPlatform.Feedback.Domain.Compensations;
using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Compensations;

/// <summary>Compensation offered to the complaining customer.</summary>
/// <param name="Type">refund, creditNote, replacement or loyaltyPoints.</param>
/// <param name="Amount">More than 0: money with at most 4 decimal places, or whole points for loyaltyPoints.</param>
/// <param name="Currency">The business's currency (see GET /compensation-limits) for money; omitted for loyaltyPoints.</param>
/// <param name="Reason">Why it is offered, 1 to 2000 characters; erased with the customer.</param>
/// <param name="OfferedBy">Who offers it, 1 to 100 characters.</param>
/// <param name="Role">The offerer's role, one of the business's roles; its limit decides whether it is approved at once.</param>
public sealed record OfferCompensationRequest(
    CompensationType? Type, decimal? Amount, string? Currency, string? Reason, string? OfferedBy, string? Role);

/// <summary>
/// <c>POST /complaints/{id}/compensations</c>: approved at once (publishing <c>CompensationApproved</c>) when the
/// offering role's limit covers it, else pending for a higher role. Beside the case like a note: no <c>If-Match</c>.
/// </summary>
public static class OfferCompensation
{
    public static void MapOfferCompensation(this RouteGroupBuilder group)
    {
        group.MapPost("/complaints/{id:guid}/compensations", HandleAsync).WithName("OfferCompensation").WithIdempotency<FeedbackDbContext>();
        group.MapGet("/complaints/{id:guid}/compensations/{compensationId:guid}", GetAsync).WithName("GetCompensation");
    }

    /// <summary>Offers compensation; 201 with it, approved or pending.</summary>
    public static async Task<Results<Created<CompensationResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, OfferCompensationRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (complaint, problem) = await ComplaintCases.FindForChangeAsync(db, tenant, http, id, needsIfMatch: false, cancellationToken);
        if (complaint is null)
        {
            return problem!;
        }

        var type = request.Type!.Value;
        var authority = await CompensationLimitsEndpoints.FindRoleAsync(db, request.Role!, cancellationToken);
        if (authority is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [CompensationRoles.Unknown] });
        }

        if (type != CompensationType.LoyaltyPoints && request.Currency != authority.Currency)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["currency"] = [$"The business's compensation is in {authority.Currency}."],
            });
        }

        var now = clock.GetUtcNow();
        var compensation = Compensation.Offer(complaint, type, request.Amount!.Value, authority.Currency, request.Reason!, request.OfferedBy!, authority, now);
        db.Compensations.Add(compensation);
        if (compensation.Status == CompensationStatus.Approved)
        {
            CompensationEvents.EnqueueApproved(db, complaint, compensation, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(CompensationRoles.PathOf(id, compensation.Id), CompensationResponse.From(compensation));
    }

    /// <summary>One compensation of the case; 404 when either is unknown (or another tenant's).</summary>
    public static async Task<Results<Ok<CompensationResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Guid compensationId, FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var compensation = await db.Compensations.AsNoTracking()
            .FirstOrDefaultAsync(compensation => compensation.Id == compensationId && compensation.ComplaintId == id, cancellationToken);
        return compensation is null
            ? Problems.NotFound("compensation", compensationId)
            : TypedResults.Ok(CompensationResponse.From(compensation));
    }

    private static Dictionary<string, string[]> Validate(OfferCompensationRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Type is null)
        {
            errors["type"] = ["refund, creditNote, replacement or loyaltyPoints."];
        }

        var points = request.Type == CompensationType.LoyaltyPoints;
        if (request.Amount is not { } amount || amount <= 0
            || (points ? amount > CompensationLimitRules.MaxPoints || amount != decimal.Truncate(amount)
                       : amount > CompensationLimitRules.MaxMoney || amount != decimal.Round(amount, CompensationLimitRules.MaxMoneyDecimals)))
        {
            errors["amount"] = [points
                ? $"Whole points from 1 to {CompensationLimitRules.MaxPoints}."
                : $"An amount above 0 and up to {CompensationLimitRules.MaxMoney:0}, with at most {CompensationLimitRules.MaxMoneyDecimals} decimal places."];
        }

        if (points && request.Currency is not null)
        {
            errors["currency"] = ["Loyalty points have no currency."];
        }
        else if (!points && request.Type is not null && string.IsNullOrWhiteSpace(request.Currency))
        {
            errors["currency"] = ["Money compensation needs the business's currency."];
        }

        CompensationRoles.RequireText(errors, "reason", request.Reason, Compensation.MaxReasonLength);
        CompensationRoles.RequireText(errors, "offeredBy", request.OfferedBy, Compensation.MaxPersonLength);
        CompensationRoles.RequireText(errors, "role", request.Role, CompensationAuthority.MaxRoleLength);
        return errors;
    }
}
