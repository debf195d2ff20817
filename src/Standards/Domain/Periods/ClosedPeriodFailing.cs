using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.Standards.Domain.Scorecards;

namespace CustomerPlatform.Standards.Domain.Periods;

/// <summary>One named failing of a frozen scorecard line, e.g. the complaint whose deadline passed.</summary>
public sealed class ClosedPeriodFailing : ITenantOwned
{
    private ClosedPeriodFailing()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid ResultId { get; private init; }

    /// <summary>The order the measure named it in, kept so a frozen line reads as it was measured.</summary>
    public int Position { get; private init; }

    public string Kind { get; private init; } = "";
    public Guid SubjectId { get; private init; }
    public string Detail { get; private init; } = "";

    public static ClosedPeriodFailing Of(ClosedPeriodResult result, int position, StandardFailing failing)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(failing);
        return new ClosedPeriodFailing
        {
            TenantId = result.TenantId,
            ResultId = result.Id,
            Position = position,
            Kind = failing.Kind,
            SubjectId = failing.Id,
            Detail = failing.Detail,
        };
    }
}
