using CustomerPlatform.Loyalty.Domain;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Redemptions;

public static class ListRedemptions
{
    public static RouteHandlerBuilder MapListRedemptions(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListRedemptions");

    /// <summary>The business's redemptions, newest first; a till looks a code up with <c>code</c>.</summary>
    /// <param name="code">A redemption code as the customer shows it (any case; the dash and spaces are optional).</param>
    /// <param name="customerId">Only this customer's redemptions.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<RedemptionPageResponse>, ValidationProblem>> HandleAsync(
        LoyaltyDbContext db,
        CancellationToken cancellationToken,
        string? code = null,
        Guid? customerId = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        string? storedCode = null;
        if (code is not null && (storedCode = RedemptionCode.Normalise(code)) is null)
        {
            errors["code"] = [$"A redemption code: {RedemptionCode.Length} letters and digits, e.g. K7Q2M-XH9PA."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Redemptions.AsNoTracking();
        if (storedCode is not null)
        {
            query = query.Where(redemption => redemption.Code == storedCode);
        }

        if (customerId is { } customer)
        {
            query = query.Where(redemption => redemption.CustomerId == customer);
        }

        if (after is { } position)
        {
            query = query.Where(redemption =>
                EF.Functions.LessThan(ValueTuple.Create(redemption.CreatedAt, redemption.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query
            .OrderByDescending(redemption => redemption.CreatedAt)
            .ThenByDescending(redemption => redemption.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].CreatedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new RedemptionPageResponse([.. page.Select(RedemptionResponse.From)], nextCursor));
    }
}
