using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Charter;

/// <summary>The service charter: the public clauses of every policy in force, by area.</summary>
public sealed record CharterResponse(IReadOnlyList<CharterArea> Areas, DateTimeOffset? UpdatedAt);

/// <summary>An area with at least one public promise in force.</summary>
public sealed record CharterArea(string Key, string Name, IReadOnlyList<CharterPolicy> Policies);

/// <summary>A policy's public clauses in the version in force.</summary>
/// <param name="Branches">The branches it applies at; empty means every branch.</param>
public sealed record CharterPolicy(Guid PolicyId, string Title, int Version, DateOnly EffectiveDate, IReadOnlyList<string> Branches, IReadOnlyList<CharterClause> Clauses);

/// <summary>A public clause, numbered as in the policy.</summary>
public sealed record CharterClause(string Key, int Number, string Text);

/// <summary>Builds the charter from what is in force, so it can never promise more (or less) than the policies do.</summary>
public static class ServiceCharter
{
    public static async Task<CharterResponse> BuildAsync(StandardsDbContext db, CancellationToken cancellationToken)
    {
        var inForce = await db.PolicyVersions.AsNoTracking()
            .Where(version => version.Status == PolicyVersionStatus.Published)
            .Join(db.Policies.AsNoTracking(), version => version.PolicyId, policy => policy.Id, (version, policy) => new { version, policy.Area, policy.Title })
            .ToListAsync(cancellationToken);
        var ownAreas = await db.PolicyAreas.AsNoTracking().OrderBy(area => area.CreatedAt).ThenBy(area => area.Key)
            .Select(area => new { area.Key, area.Name })
            .ToListAsync(cancellationToken);
        var areaOrder = PolicyAreas.BuiltIn.Concat(ownAreas.Select(area => (area.Key, area.Name))).ToList();

        var areas = new List<CharterArea>();
        foreach (var (key, name) in areaOrder)
        {
            var policies = inForce
                .Where(row => row.Area == key)
                .OrderBy(row => row.Title, StringComparer.Ordinal)
                .Select(row => new CharterPolicy(
                    row.version.PolicyId,
                    row.Title,
                    row.version.Number,
                    row.version.EffectiveDate,
                    row.version.Branches,
                    [.. row.version.Clauses.Select((clause, index) => (clause, index))
                        .Where(pair => pair.clause.Public)
                        .Select(pair => new CharterClause(pair.clause.Key, pair.index + 1, pair.clause.Text))]))
                .Where(policy => policy.Clauses.Count > 0)
                .ToList();
            if (policies.Count > 0)
            {
                areas.Add(new CharterArea(key, name, policies));
            }
        }

        return new CharterResponse(areas, inForce.Count == 0 ? null : inForce.Max(row => row.version.PublishedAt));
    }
}
