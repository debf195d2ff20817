namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>How a purchase's fractional points become whole ones; applied once per purchase, never per line.</summary>
public enum EarnRounding
{
    /// <summary>Drop the fraction (the built-in default).</summary>
    Down,

    /// <summary>To the nearest whole point, halves up.</summary>
    Nearest,

    /// <summary>Any fraction makes a whole point.</summary>
    Up,
}
