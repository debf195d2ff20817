namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>When earned points lapse (0 months: never), and how many days before the customer is told.</summary>
public sealed record ExpiryRule(int Months, int NoticeDays)
{
    public static readonly ExpiryRule Never = new(0, 0);
}
