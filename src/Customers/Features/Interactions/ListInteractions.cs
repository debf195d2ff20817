using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Interactions;

public static class ListInteractions
{
    public static RouteHandlerBuilder MapListInteractions(this RouteGroupBuilder group) =>
        group.MapGet("/{customerId:guid}/interactions", HandleAsync).WithName("ListInteractions");

    /// <summary>The customer's interactions, newest first.</summary>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<InteractionPageResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid customerId, CustomersDbContext db, CancellationToken cancellationToken, string? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.Customers.AnyAsync(customer => customer.Id == customerId, cancellationToken))
        {
            return Problems.NotFound("customer", customerId);
        }

        var query = db.Interactions.AsNoTracking().Where(interaction => interaction.CustomerId == customerId);
        if (after is { } position)
        {
            query = query.Where(interaction =>
                EF.Functions.LessThan(ValueTuple.Create(interaction.OccurredAt, interaction.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query
            .OrderByDescending(interaction => interaction.OccurredAt)
            .ThenByDescending(interaction => interaction.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].OccurredAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new InteractionPageResponse([.. page.Select(InteractionResponse.From)], nextCursor));
    }
}
