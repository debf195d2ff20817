using System.Globalization;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.DataCurrency;

/// <summary>The business's data-currency settings.</summary>
/// <param name="VerificationMonths">After how many months without a verification a record counts as not current (1 to 120).</param>
public sealed record DataCurrencySettingsRequest(int? VerificationMonths);

/// <summary>The business's data-currency settings.</summary>
/// <param name="VerificationMonths">After how many months without a verification a record counts as not current.</param>
public sealed record DataCurrencySettingsResponse(int VerificationMonths);

/// <summary>A customer whose details nobody has confirmed for a while.</summary>
/// <param name="Email">The primary e-mail.</param>
/// <param name="Phone">The primary phone.</param>
/// <param name="VerifiedAt">When the details were last confirmed (or registered).</param>
public sealed record UnverifiedCustomerResponse(Guid Id, string DisplayName, string? Email, string? Phone, string? HomeBranch, DateTimeOffset VerifiedAt);

/// <summary>A page of customers not verified since <paramref name="VerifiedBefore"/>, the longest unverified first.</summary>
public sealed record UnverifiedCustomerPage(IReadOnlyList<UnverifiedCustomerResponse> Items, string? NextCursor, DateTimeOffset VerifiedBefore);

/// <summary>
/// Records not verified for N months: the business sets N (<c>verificationMonths</c>, 12 until it does), and the list
/// shows its live customers whose details were last confirmed before then, oldest first, so staff can check them.
/// </summary>
public static class UnverifiedCustomers
{
    public static void MapUnverifiedCustomers(this RouteGroupBuilder group)
    {
        group.MapGet("/settings", GetSettingsAsync).WithName("GetDataCurrencySettings");
        group.MapPut("/settings", UpdateSettingsAsync).WithName("UpdateDataCurrencySettings");
        group.MapGet("/unverified", ListAsync).WithName("ListUnverifiedCustomers");
    }

    /// <summary>The settings with their ETag (the defaults until the business changes them).</summary>
    public static async Task<Ok<DataCurrencySettingsResponse>> GetSettingsAsync(
        CustomersDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var settings = await db.DataCurrencySettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? DataCurrencySettings.Defaults(tenant.TenantId, clock.GetUtcNow());
        return Answer(http, settings);
    }

    /// <summary>Replaces the settings; needs <c>If-Match</c> with the ETag last read (<c>"0"</c> while they are the defaults).</summary>
    public static async Task<Results<Ok<DataCurrencySettingsResponse>, ValidationProblem, ProblemHttpResult>> UpdateSettingsAsync(
        DataCurrencySettingsRequest request, CustomersDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (request.VerificationMonths is not { } months || months is < 1 or > DataCurrencySettings.MaxVerificationMonths)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["verificationMonths"] = [$"A whole number of months from 1 to {DataCurrencySettings.MaxVerificationMonths}."],
            });
        }

        var now = clock.GetUtcNow();
        var settings = await db.DataCurrencySettings.FirstOrDefaultAsync(cancellationToken);
        if (ETags.CheckIfMatch(http.Request, settings is null ? ETags.From(0) : ETags.From(settings.Version)) is { } precondition)
        {
            return precondition;
        }

        if (settings is null)
        {
            settings = DataCurrencySettings.Defaults(tenant.TenantId, now);
            db.DataCurrencySettings.Add(settings);
        }

        settings.Change(months, now);
        // xmin is the concurrency token; two first saves racing meet the primary key (409).
        await db.SaveChangesAsync(cancellationToken);
        return Answer(http, settings);
    }

    /// <summary>
    /// Live customers whose details were last verified more than <c>months</c> months ago (the business's setting when
    /// left out), the longest unverified first.
    /// </summary>
    public static async Task<Results<Ok<UnverifiedCustomerPage>, ValidationProblem>> ListAsync(
        CustomersDbContext db, TimeProvider clock, CancellationToken cancellationToken, string? months = null, string? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        int? monthsAsked = null;
        if (!string.IsNullOrEmpty(months))
        {
            if (int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= DataCurrencySettings.MaxVerificationMonths)
            {
                monthsAsked = value;
            }
            else
            {
                errors["months"] = [$"A whole number of months from 1 to {DataCurrencySettings.MaxVerificationMonths}."];
            }
        }

        var size = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var setting = await db.DataCurrencySettings.AsNoTracking().Select(settings => (int?)settings.VerificationMonths).FirstOrDefaultAsync(cancellationToken);
        var verifiedBefore = clock.GetUtcNow().AddMonths(-(monthsAsked ?? setting ?? DataCurrencySettings.DefaultVerificationMonths));
        var query = db.Customers.AsNoTracking().Where(customer => customer.ArchivedAt == null && customer.VerifiedAt < verifiedBefore);
        if (after is { } from)
        {
            query = query.Where(customer => EF.Functions.GreaterThan(ValueTuple.Create(customer.VerifiedAt, customer.Id), ValueTuple.Create(from.At, from.Id)));
        }

        var items = await query
            .OrderBy(customer => customer.VerifiedAt).ThenBy(customer => customer.Id)
            .Take(size + 1)
            .Select(customer => new UnverifiedCustomerResponse(
                customer.Id, customer.DisplayName, customer.Emails.FirstOrDefault(), customer.Phones.FirstOrDefault(), customer.HomeBranch, customer.VerifiedAt))
            .ToListAsync(cancellationToken);
        string? next = null;
        if (items.Count > size)
        {
            items.RemoveAt(size);
            next = PageCursor.At(items[^1].VerifiedAt, items[^1].Id).Encode();
        }

        return TypedResults.Ok(new UnverifiedCustomerPage(items, next, verifiedBefore));
    }

    private static Ok<DataCurrencySettingsResponse> Answer(HttpContext http, DataCurrencySettings settings)
    {
        http.Response.Headers.ETag = ETags.From(settings.Version);
        return TypedResults.Ok(new DataCurrencySettingsResponse(settings.VerificationMonths));
    }
}
