using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>Reading an import's query options, and what the request and the worker both build from a job.</summary>
internal static class ImportOptions
{
    public static string FieldOf(ImportMatch match) => match switch
    {
        ImportMatch.Email => "email",
        ImportMatch.Phone => "phone",
        _ => "externalId",
    };

    public static async Task<ImportRowChecker> CheckerAsync(
        CustomerImport job, ImportMapping mapping, CustomersDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definitions = await db.AttributeDefinitions.AsNoTracking()
            .Where(definition => definition.TenantId == job.TenantId)
            .ToDictionaryAsync(definition => definition.Key, StringComparer.Ordinal, cancellationToken);
        return new ImportRowChecker(mapping, job.MatchOn, job.Mode, job.Branch, definitions, DateOnly.FromDateTime(now.UtcDateTime));
    }

    public static Dictionary<string, string> ParseMap(string[]? pairs, Dictionary<string, string[]> errors)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var colon = pair.LastIndexOf(':');
            if (colon <= 0 || colon == pair.Length - 1 || pair.Length > 300)
            {
                errors["map"] = ["Each map entry is 'CSV header:field', e.g. map=First Name:givenName."];
                continue;
            }

            map[pair[..colon].Trim()] = pair[(colon + 1)..].Trim();
        }

        return map;
    }

    public static bool ParseFlag(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return false;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors[field] = ["true or false."];
        return false;
    }

    public static TEnum? ParseEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
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
