using CustomerPlatform.Loyalty.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.ManageProgram;

/// <summary>Finds the program version that governs a moment: the latest in force by then, else the default.</summary>
public static class ProgramBook
{
    /// <summary>The current version (the latest), or the default when the business has set none.</summary>
    public static async Task<ProgramInForce> CurrentAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.ProgramVersions.AsNoTracking()
            .OrderByDescending(version => version.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return latest is null ? ProgramInForce.Default : ProgramInForce.From(latest);
    }

    /// <summary>
    /// The version in force at <paramref name="at"/>: an event that arrives late earns by the rules of its time, and
    /// one from before the first version by the default.
    /// </summary>
    public static async Task<ProgramInForce> InForceAtAsync(LoyaltyDbContext db, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.ProgramVersions.AsNoTracking()
            .Where(candidate => candidate.EffectiveFrom <= at)
            .OrderByDescending(candidate => candidate.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return version is null ? ProgramInForce.Default : ProgramInForce.From(version);
    }
}
