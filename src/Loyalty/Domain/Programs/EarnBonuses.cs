namespace CustomerPlatform.Loyalty.Domain.Programs;

/// <summary>Fixed points for events other than spending; 0 turns a bonus off.</summary>
public sealed record EarnBonuses(long FirstPurchase, long FeedbackResponse, long Referral, long Birthday)
{
    public static readonly EarnBonuses None = new(0, 0, 0, 0);
}
