using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Redemptions;

public static class GetRedemption
{
    public static RouteHandlerBuilder MapGetRedemption(this RouteGroupBuilder group) =>
        group.MapGet("/{redemptionId:guid}", HandleAsync).WithName("GetRedemption");

    /// <summary>A redemption by id.</summary>
    public static async Task<Results<Ok<RedemptionResponse>, ProblemHttpResult>> HandleAsync(
        Guid redemptionId, LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var redemption = await db.Redemptions.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == redemptionId, cancellationToken);
        return redemption is null
            ? Problems.NotFound("redemption", redemptionId)
            : TypedResults.Ok(RedemptionResponse.From(redemption));
    }
}
