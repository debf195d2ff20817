using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain;

/// <summary>What one branch's customers said in one service period: the counts its scorecard is computed from.</summary>
public sealed class BranchPeriodScore : ITenantOwned
{
    private BranchPeriodScore()
    {
    }

    public Guid TenantId { get; private init; }
    public string Branch { get; private init; } = "";
    public DateOnly PeriodStart { get; private init; }
    public int Promoters { get; private set; }
    public int Passives { get; private set; }
    public int Detractors { get; private set; }
    public int Responses => Promoters + Passives + Detractors;

    /// <summary>Row version (xmin): concurrent counts for one branch serialise through it.</summary>
    public uint Version { get; private set; }

    public static BranchPeriodScore Start(Guid tenantId, string branch, ServicePeriod period) =>
        new() { TenantId = tenantId, Branch = branch, PeriodStart = period.Start };

    public void Count(int rating)
    {
        switch (NetPromoterScore.Classify(rating))
        {
            case NetPromoterScore.Category.Promoter:
                Promoters++;
                break;
            case NetPromoterScore.Category.Passive:
                Passives++;
                break;
            default:
                Detractors++;
                break;
        }
    }

    public decimal? Nps => NetPromoterScore.Compute(Promoters, Passives, Detractors);
}
