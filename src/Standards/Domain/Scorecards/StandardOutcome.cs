namespace CustomerPlatform.Standards.Domain.Scorecards;

/// <summary>Where a branch stands against one standard.</summary>
public enum StandardOutcome
{
    /// <summary>Nothing was measured: no responses, no complaints, no purchases to divide by.</summary>
    NoData,

    /// <summary>On the safe side of the warning threshold (or of the target when there is none).</summary>
    Met,

    /// <summary>Still within the target but past the warning threshold.</summary>
    AtRisk,

    /// <summary>Past the target: a failed standard once the period closes.</summary>
    Breached,
}
