using System.Text.Json;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Records;

/// <summary>What the customer-record endpoints share: checking details, finding a customer, answering with its ETag.</summary>
internal static class CustomerRecords
{
    public static string ETagOf(Customer customer) => ETags.From(customer.Version);

    public static Ok<CustomerResponse> Ok(HttpContext http, Customer customer)
    {
        http.Response.Headers.ETag = ETagOf(customer);
        return TypedResults.Ok(CustomerResponse.From(customer));
    }

    /// <summary>
    /// The checked details, or null with every field error. The business's attribute definitions are read only when
    /// the request sets attributes, so the common request costs no extra query.
    /// </summary>
    public static async Task<CustomerDetails?> CheckAsync(
        CustomerFields fields, CustomersDbContext db, TimeProvider clock, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var definitions = fields.Attributes is { Count: > 0 }
            ? await db.AttributeDefinitions.AsNoTracking().ToDictionaryAsync(definition => definition.Key, StringComparer.Ordinal, cancellationToken)
            : [];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return CustomerDetails.TryCreate(fields, definitions, today, errors);
    }

    /// <summary>A 403 when a branch-restricted key names another branch as the customer's home branch.</summary>
    public static ProblemHttpResult? CheckHomeBranch(TenantContext tenant, CustomerDetails details) =>
        details.HomeBranch is { } branch && !tenant.MayActFor(branch) ? Problems.OtherBranch(branch) : null;

    public static Task<Customer?> FindAsync(CustomersDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Customers.FirstOrDefaultAsync(customer => customer.Id == id, cancellationToken);

    /// <summary>An enum value as events carry it: the API's camelCase name.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string? Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } some ? Name(some) : null;
}
