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

    /// <summary>The Standards publication this version was made from; later publications only ever replace earlier ones.</summary>
    public long? StandardsSequence { get; private init; }

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

    /// <summary>
    /// The version after <paramref name="current"/>, from the targets Standards published. A standard's target takes a
    /// slot over the business's own (<paramref name="baseline"/>); a severity without a standard of its own takes the
    /// default standard's, and where no standard says anything the business's own target stays. No targets at all:
    /// Standards no longer sets any, and the business's own targets apply again.
    /// </summary>
    public static ComplaintTargetSet SetByStandards(
        ComplaintTargetSet current, ComplaintTargetSet baseline, IReadOnlyList<StandardComplaintTarget> targets, long sequence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            return new ComplaintTargetSet
            {
                TenantId = current.TenantId,
                Version = current.Version + 1,
                Source = baseline.Source,
                Targets = [.. baseline.Targets],
                PublishedAt = now,
                StandardsSequence = sequence,
            };
        }

        StandardComplaintTarget? Find(ComplaintClockKind kind, ComplaintSeverity? severity) =>
            targets.FirstOrDefault(target => target.Kind == kind && target.Severity == severity)
            ?? (severity is null ? null : targets.FirstOrDefault(target => target.Kind == kind && target.Severity is null));

        var rows = new List<ComplaintTarget>();
        foreach (var severity in Enum.GetValues<ComplaintSeverity>().Select(value => (ComplaintSeverity?)value).Prepend(null))
        {
            var own = severity is { } graded ? baseline.For(graded) : baseline.Targets.FirstOrDefault(target => target.Severity is null) ?? DefaultTarget;
            var acknowledge = Find(ComplaintClockKind.Acknowledge, severity);
            var resolve = Find(ComplaintClockKind.Resolve, severity);
            rows.Add(new ComplaintTarget(
                severity,
                acknowledge?.WithinMinutes ?? own.AcknowledgeWithinMinutes,
                resolve?.WithinMinutes ?? own.ResolveWithinMinutes,
                acknowledge?.Standard,
                resolve?.Standard));
        }

        // The set names a standard only when one alone is behind it; otherwise each row names its own.
        var standards = targets.Select(target => target.Standard).Distinct().ToList();
        return new ComplaintTargetSet
        {
            TenantId = current.TenantId,
            Version = current.Version + 1,
            Source = ComplaintTargetSource.Standard,
            StandardId = standards.Count == 1 ? standards[0].StandardId : null,
            StandardVersion = standards.Count == 1 ? standards[0].Version : null,
            Targets = rows,
            PublishedAt = now,
            StandardsSequence = sequence,
        };
    }

    /// <summary>The severity's own target, else the default row.</summary>
    public ComplaintTarget For(ComplaintSeverity severity) =>
        Targets.FirstOrDefault(target => target.Severity == severity)
        ?? Targets.FirstOrDefault(target => target.Severity is null)
        ?? DefaultTarget;
}
