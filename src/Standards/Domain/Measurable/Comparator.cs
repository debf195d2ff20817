namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>How a measured value is held to its target.</summary>
public enum Comparator
{
    /// <summary>Met while the value is no more than the target (times, costs, complaint rates).</summary>
    AtMost,

    /// <summary>Met while the value is no less than the target (scores, rates of things done).</summary>
    AtLeast,
}
