namespace CustomerPlatform.Standards.Features.Privacy;

/// <summary>What Standards holds about customers.</summary>
/// <param name="HoldsPersonalData">Always false: see <paramref name="Reason"/>.</param>
/// <param name="Reason">Why there is nothing to export or erase.</param>
public sealed record StandardsPersonalDataResponse(bool HoldsPersonalData, string Reason);

/// <summary>
/// <c>GET /api/v1/standards/personal-data</c>: Standards keeps per-branch, per-day counts (NPS, CSAT and CES answers,
/// survey responses and invitations, purchases, complaints, compensation), follow-up due and completion times keyed by
/// Customers' interaction id, and branch details; the customer ids on the events it counts are never stored. So its section of every
/// export is empty, the same for any customer, and this endpoint says so (with no customer id, since the answer
/// cannot depend on one) for the gateway to show why.
/// </summary>
public static class StandardsPersonalData
{
    public const string NoPersonalData =
        "Standards keeps per-branch and per-period counts and scores only; customer ids on the events it counts are not stored.";

    public static RouteHandlerBuilder MapStandardsPersonalData(this RouteGroupBuilder group) =>
        group.MapGet("/personal-data", () => TypedResults.Ok(new StandardsPersonalDataResponse(false, NoPersonalData)))
            .WithName("GetStandardsPersonalData");
}
