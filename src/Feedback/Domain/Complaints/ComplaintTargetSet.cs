using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>
/// One numbered version of a business's complaint targets. Versions are never changed or deleted: a case pins the
/// version in force when it opened, so later changes do not move its due times. Targets that Standards publishes
/// later are further versions with <see cref="Source"/> <c>standard</c> and the standard's id and version.
/// </summary>
public sealed class ComplaintTargetSet : ITenantOwned
{
    /// <summary>Acknowledge within one business day (8 business hours), resolve within five (40 business hours).</summary>
    public static readonly ComplaintTarget DefaultTarget = new(null, 8 * 60, 40 * 60);

    private ComplaintTargetSet()
    {
    }

    public Guid TenantId { get; private init; }
    public int Version { get; private init; }
    public ComplaintTargetSource Source { get; private init; }
    public Guid? StandardId { get; private init; }
    public int? StandardVersion { get; private init; }
    public List<ComplaintTarget> Targets { get; private init; } = [];
    public DateTimeOffset? PublishedAt { get; private init; }

    /// <summary>Version 0: what a business that never set targets has.</summary>
    public static ComplaintTargetSet PlatformDefault(Guid tenantId) => new()
    {
        TenantId = tenantId, Version = 0, Source = ComplaintTargetSource.PlatformDefault, Targets = [DefaultTarget],
    };

    /// <summary>The version after <paramref name="current"/>, set by the business; the caller has checked the targets.</summary>
    public static ComplaintTargetSet SetByBusiness(ComplaintTargetSet current, IReadOnlyList<ComplaintTarget> targets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new ComplaintTargetSet
        {
            TenantId = current.TenantId,
            Version = current.Version + 1,
            Source = ComplaintTargetSource.BusinessDefault,
            Targets = [.. targets],
            PublishedAt = now,
        };
    }

    /// <summary>The severity's own target, else the default row.</summary>
    public ComplaintTarget For(ComplaintSeverity severity) =>
        Targets.FirstOrDefault(target => target.Severity == severity)
        ?? Targets.FirstOrDefault(target => target.Severity is null)
        ?? DefaultTarget;
}
