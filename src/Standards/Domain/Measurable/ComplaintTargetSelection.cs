namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>One complaint target a standard sets: its kind, severity (null: the default) and minutes.</summary>
public sealed record SelectedComplaintTarget(ComplaintTargetKind Kind, StandardSeverity? Severity, int WithinMinutes, Guid StandardId, int StandardVersion);

/// <summary>Which standards set the business's complaint targets.</summary>
public static class ComplaintTargetSelection
{
    /// <summary>
    /// One target per kind and severity from the standards that set complaint targets (see
    /// <see cref="ServiceStandard.SetsComplaintTargets"/>). Where several cover the same slot the strictest wins (the
    /// shortest time, then the newest standard), since meeting it meets the others too.
    /// </summary>
    public static IReadOnlyList<SelectedComplaintTarget> Select(IEnumerable<ServiceStandard> standards) =>
    [
        .. standards
            .Where(standard => standard.SetsComplaintTargets)
            .Select(standard => new SelectedComplaintTarget(
                standard.Metric == MetricCatalogue.ComplaintAcknowledgementTime ? ComplaintTargetKind.Acknowledge : ComplaintTargetKind.Resolve,
                standard.Terms.Severity,
                (int)standard.Terms.Target,
                standard.Id,
                standard.CurrentVersion))
            .GroupBy(target => (target.Kind, target.Severity))
            .Select(slot => slot.OrderBy(target => target.WithinMinutes).ThenByDescending(target => target.StandardId).First())
            .OrderBy(target => target.Kind)
            .ThenBy(target => target.Severity is null ? -1 : (int)target.Severity),
    ];
}
