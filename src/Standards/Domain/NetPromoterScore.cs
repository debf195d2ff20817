using CustomerPlatform.Standards.Domain.Scorecards;

namespace CustomerPlatform.Standards.Domain;

/// <summary>
/// Net Promoter Score: promoters rate 9-10, passives 7-8, detractors 0-6; NPS is the percentage of promoters
/// minus the percentage of detractors, from -100 to 100.
/// </summary>
public static class NetPromoterScore
{
    public enum Category
    {
        Detractor,
        Passive,
        Promoter,
    }

    public static Category Classify(int rating) => rating switch
    {
        < 0 or > 10 => throw new ArgumentOutOfRangeException(nameof(rating), rating, "An NPS rating is from 0 to 10."),
        >= 9 => Category.Promoter,
        >= 7 => Category.Passive,
        _ => Category.Detractor,
    };

    /// <summary>The score rounded to one decimal, or null when there are no responses to score.</summary>
    public static decimal? Compute(long promoters, long passives, long detractors) =>
        MetricArithmetic.Percent(promoters - detractors, promoters + passives + detractors);
}
