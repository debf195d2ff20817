using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Periods;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.ServicePeriods;

/// <summary>The business's service period: week, month or quarter, in UTC days.</summary>
/// <param name="Length">week, month or quarter.</param>
/// <param name="FirstPeriodStart">The first day of the first period (a Monday, a 1st, or a quarter day); not in the future, and not before the end of the last closed period.</param>
/// <param name="CloseAfterHours">How long after its end a period closes by itself, 0 to 8760; 24 when omitted.</param>
public sealed record ServicePeriodSettingsRequest(PeriodLength? Length, DateOnly? FirstPeriodStart, int? CloseAfterHours);

/// <param name="TimeZone">Always UTC: periods start and end at midnight UTC.</param>
/// <param name="UpdatedAt">Null while the business has not chosen (the default: monthly from the current month).</param>
public sealed record ServicePeriodSettingsResponse(PeriodLength Length, DateOnly FirstPeriodStart, int CloseAfterHours, string TimeZone, DateTimeOffset? UpdatedAt);

public static class ServicePeriodSettingsEndpoints
{
    public static void MapServicePeriodSettings(this RouteGroupBuilder standards)
    {
        var group = standards.MapGroup("/service-period-settings").WithTags("Service periods");
        group.MapGet("", GetAsync).WithName("GetServicePeriodSettings")
            .WithSummary("The business's service period (UTC days); monthly from the current month until it chooses, without an ETag then.");
        group.MapPut("", PutAsync).WithName("SetServicePeriodSettings").RequiresIfMatch()
            .WithSummary("Chooses the service period; once set, needs If-Match; not with a branch-restricted key.")
            .WithDescription("Periods are UTC days. 422 when the first period does not start on a period boundary (a Monday, a 1st, a quarter day), "
                + "is in the future, or starts before the end of the last closed period (closed periods are never re-cut).");
    }

    public static async Task<Ok<ServicePeriodSettingsResponse>> GetAsync(
        StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var row = await db.ServicePeriodSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return Ok(http, row ?? ServicePeriodSettings.Default(tenant.TenantId, clock.GetUtcNow()), stored: row is not null);
    }

    public static async Task<Results<Ok<ServicePeriodSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        ServicePeriodSettingsRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Length is null)
        {
            errors["length"] = ["week, month or quarter is required."];
        }

        if (request.FirstPeriodStart is null)
        {
            errors["firstPeriodStart"] = ["The first day of the first period (yyyy-MM-dd) is required."];
        }

        if (request.CloseAfterHours is < 0 or > ServicePeriodSettings.MaxCloseAfterHours)
        {
            errors["closeAfterHours"] = [$"Whole hours from 0 to {ServicePeriodSettings.MaxCloseAfterHours}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (ServicePeriodEndpoints.BranchKeyProblem(tenant) is { } forbidden)
        {
            return forbidden;
        }

        var length = request.Length!.Value;
        var firstStart = request.FirstPeriodStart!.Value;
        var calendar = new PeriodCalendar(length);
        var now = clock.GetUtcNow();
        if (!calendar.IsStart(firstStart))
        {
            return Refused("service-period-start-misaligned", "The first period does not start on a period boundary.", calendar.StartRule);
        }

        if (firstStart > DateOnly.FromDateTime(now.UtcDateTime))
        {
            return Refused("service-period-start-in-future", "The first period cannot start in the future.", "Choose a start on or before today (UTC).");
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await PeriodCloses.LockDueAsync(db, tenant.TenantId, create: true, cancellationToken);
            var lastClosedEnd = await PeriodCloses.LastClosedEndAsync(db, cancellationToken);
            if (lastClosedEnd is { } closedEnd && firstStart < closedEnd)
            {
                return (Results<Ok<ServicePeriodSettingsResponse>, ValidationProblem, ProblemHttpResult>)Refused(
                    "closed-periods-recut",
                    "The change would re-cut a closed period.",
                    $"The last closed period ended on {closedEnd:yyyy-MM-dd}; start the first period on or after it.");
            }

            var row = await db.ServicePeriodSettings.FirstOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                row = ServicePeriodSettings.Create(tenant.TenantId);
                db.ServicePeriodSettings.Add(row);
            }
            else if (ETags.CheckIfMatch(http.Request, ETags.From(row.Version)) is { } precondition)
            {
                return precondition;
            }

            row.Replace(length, firstStart, request.CloseAfterHours ?? ServicePeriodSettings.DefaultCloseAfterHours, now);
            var next = row.OldestUnclosed(lastClosedEnd);
            due!.Next(next, row.CloseDueAt(next));
            // xmin is the concurrency token: a change committed since the read above is a 412.
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Ok(http, row, stored: true);
        });
    }

    // 422 with a field error: a well-formed date the rules refuse.
    private static ProblemHttpResult Refused(string code, string title, string reason) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["firstPeriodStart"] = [reason] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
            Type = ProblemTypes.For(code),
        });

    private static Ok<ServicePeriodSettingsResponse> Ok(HttpContext http, ServicePeriodSettings settings, bool stored)
    {
        if (stored)
        {
            http.Response.Headers.ETag = ETags.From(settings.Version);
        }

        return TypedResults.Ok(new ServicePeriodSettingsResponse(
            settings.Length, settings.FirstPeriodStart, settings.CloseAfterHours, "UTC", stored ? settings.UpdatedAt : null));
    }
}
