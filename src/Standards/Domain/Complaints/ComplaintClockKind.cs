namespace CustomerPlatform.Standards.Domain.Complaints;

/// <summary>Which of a complaint's clocks a deadline holds to a standard.</summary>
public enum ComplaintClockKind
{
    /// <summary>From the complaint opening until it leaves received.</summary>
    Acknowledgement,

    /// <summary>From the complaint opening until its first resolution (or close), paused while waiting on the customer.</summary>
    Resolution,

    /// <summary>From a reopen until the case is resolved again, paused while waiting on the customer.</summary>
    ReopenedResolution,
}
