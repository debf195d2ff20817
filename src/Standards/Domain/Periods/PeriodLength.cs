namespace CustomerPlatform.Standards.Domain.Periods;

/// <summary>How long a business's service periods are.</summary>
public enum PeriodLength
{
    /// <summary>Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A calendar quarter, starting on 1 January, April, July or October.</summary>
    Quarter,
}
