namespace CustomerPlatform.Loyalty.Features.Bonuses;

/// <summary>How the birthday worker polls (section <c>Loyalty:BirthdayBonus</c>).</summary>
public sealed class BirthdayBonusOptions
{
    public const string Section = "Loyalty:BirthdayBonus";

    /// <summary>How long the worker sleeps when no birthday is due. Birthdays fall due by the clock, so nothing nudges it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many birthdays one pass handles before it looks for the stop signal again.</summary>
    public int BatchSize { get; set; } = 100;
}
