using System.Globalization;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerPlatform.Customers.Features.Search;

/// <summary>A customer in a list: enough to show and pick them; <c>GET /api/v1/customers/{id}</c> has the rest.</summary>
/// <param name="Score">How well the name matched <c>q</c> (0 to 1); only with <c>q</c>.</param>
public sealed record CustomerSummary(
    Guid Id,
    CustomerKind Kind,
    string DisplayName,
    string? Email,
    string? Phone,
    string? HomeBranch,
    LifecycleStatus Status,
    IReadOnlyList<string> Tags,
    int? Rating,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ArchivedAt,
    float? Score);

/// <summary>A page of customers.</summary>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; absent on the last.</param>
public sealed record CustomerPage(IReadOnlyList<CustomerSummary> Items, string? NextCursor);

public static class SearchCustomers
{
    public static RouteHandlerBuilder MapSearchCustomers(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("SearchCustomers");

    /// <summary>
    /// Finds customers: by name (<c>q</c>, typo-tolerant, at least 3 characters), e-mail, phone (any format with its
    /// country code), tags (all of them), home branches (any of them), status, kind and rating; filters combine.
    /// Archived customers are left out unless <c>includeArchived=true</c>. Sorted by relevance (with <c>q</c>),
    /// recency (the default otherwise) or name; keyset-paged.
    /// </summary>
    public static async Task<Results<Ok<CustomerPage>, ValidationProblem>> HandleAsync(
        CustomersDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken,
        string? q = null,
        string? email = null,
        string? phone = null,
        string[]? tag = null,
        string[]? branch = null,
        string? status = null,
        string? kind = null,
        int? minRating = null,
        int? maxRating = null,
        bool includeArchived = false,
        string? sort = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var search = Check(tenant.TenantId, q, email, phone, tag, branch, status, kind, minRating, maxRating, includeArchived, sort, limit, cursor, errors);
        if (search is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        search = await search.WithNameTermsAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = search.ToBatch(connection);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var items = new List<CustomerSummary>();
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new CustomerSummary(
                    reader.GetGuid(0),
                    Enum.Parse<CustomerKind>(reader.GetString(1)),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    Enum.Parse<LifecycleStatus>(reader.GetString(6)),
                    reader.GetFieldValue<string[]>(7),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    reader.GetFieldValue<DateTimeOffset>(9),
                    reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                    reader.IsDBNull(11) ? null : reader.GetFloat(11)));
            }

            var hasMore = items.Count > search.Limit;
            var page = hasMore ? items[..search.Limit] : items;
            return TypedResults.Ok(new CustomerPage(page, hasMore ? search.CursorAfter(page[^1]).Encode() : null));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static CustomerSearch? Check(
        Guid tenantId, string? q, string? email, string? phone, string[]? tags, string[]? branches, string? status, string? kind,
        int? minRating, int? maxRating, bool includeArchived, string? sort, string? limit, string? cursor, Dictionary<string, string[]> errors)
    {
        var name = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (name is { Length: < CustomerSearch.MinNameLength or > CustomerDetails.MaxNameLength })
        {
            errors["q"] = [$"A name to search for has {CustomerSearch.MinNameLength} to {CustomerDetails.MaxNameLength} characters."];
        }

        EmailAddress? parsedEmail = null;
        if (email is not null && !EmailAddress.TryParse(email, out parsedEmail))
        {
            errors["email"] = [CustomerDetails.InvalidEmail];
        }

        PhoneNumber? parsedPhone = null;
        if (phone is not null && !PhoneNumber.TryParse(phone, out parsedPhone))
        {
            errors["phone"] = [CustomerDetails.InvalidPhone];
        }

        var tagList = (tags ?? []).Select(tag => tag.Trim().ToLowerInvariant()).Where(tag => tag.Length > 0).Distinct().ToList();
        if (tagList.Count > 20 || tagList.Any(tag => tag.Length > CustomerDetails.MaxTagLength))
        {
            errors["tag"] = [$"At most 20 tags of up to {CustomerDetails.MaxTagLength} characters."];
        }

        var branchList = (branches ?? []).Select(code => code.Trim()).Where(code => code.Length > 0).Distinct().ToList();
        if (branchList.Count > 50 || branchList.Any(code => code.Length > 50))
        {
            errors["branch"] = ["At most 50 branch codes of up to 50 characters."];
        }

        var parsedStatus = ParseEnum<LifecycleStatus>(status, "status", errors);
        var parsedKind = ParseEnum<CustomerKind>(kind, "kind", errors);
        if (minRating is < 1 or > 5)
        {
            errors["minRating"] = ["A rating from 1 to 5."];
        }

        if (maxRating is < 1 or > 5)
        {
            errors["maxRating"] = ["A rating from 1 to 5."];
        }

        var parsedSort = ParseEnum<CustomerSort>(sort, "sort", errors) ?? (name is null ? CustomerSort.Recency : CustomerSort.Relevance);
        if (parsedSort == CustomerSort.Relevance && name is null && !errors.ContainsKey("sort"))
        {
            errors["sort"] = ["Sorting by relevance needs a name to search for (q)."];
        }

        var checkedLimit = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadCursor(cursor, errors);
        if (after is { } decoded && parsedSort == CustomerSort.Relevance && !float.TryParse(decoded.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            errors["cursor"] = ["This cursor belongs to another sort order; start again without it."];
        }

        return errors.Count > 0
            ? null
            : new CustomerSearch(
                tenantId, name, parsedEmail?.Value, parsedPhone?.Value, tagList, branchList, parsedStatus, parsedKind, minRating, maxRating,
                includeArchived, parsedSort, checkedLimit, after);
    }

    private static TEnum? ParseEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors[field] = [$"One of: {string.Join(", ", Enum.GetNames<TEnum>().Select(name => char.ToLowerInvariant(name[0]) + name[1..]))}."];
        return null;
    }
}
