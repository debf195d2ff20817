using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain;

/// <summary>
/// What happened at one branch on one UTC day, as counts: the facts every rate and score metric is computed from,
/// for any window made of whole days. Counts only, never who: no customer is identifiable from a row.
/// </summary>
public sealed class BranchDayCounts : ITenantOwned
{
    private BranchDayCounts()
    {
    }

    public Guid TenantId { get; private init; }
    public string Branch { get; private init; } = "";
    public DateOnly Day { get; private init; }
    public int Promoters { get; private set; }
    public int Passives { get; private set; }
    public int Detractors { get; private set; }
    public int CsatAnswers { get; private set; }

    /// <summary>CSAT answers of 4 or 5 out of 5.</summary>
    public int CsatSatisfied { get; private set; }

    public int CesAnswers { get; private set; }

    /// <summary>The sum of the CES answers (1 to 7 each), so an average over any run of days is exact.</summary>
    public int CesTotal { get; private set; }

    public int SurveyResponses { get; private set; }
    public int SurveyInvitations { get; private set; }
    public int Purchases { get; private set; }
    public int ComplaintsOpened { get; private set; }

    /// <summary>Money compensation approved, in the business's one currency (loyalty points add nothing).</summary>
    public decimal CompensationAmount { get; private set; }

    public int Responses => Promoters + Passives + Detractors;

    public decimal? Nps => NetPromoterScore.Compute(Promoters, Passives, Detractors);

    /// <summary>An empty row for the UTC day <paramref name="moment"/> falls on; the Count methods fill it in.</summary>
    public static BranchDayCounts Start(Guid tenantId, string branch, DateTimeOffset moment) =>
        new() { TenantId = tenantId, Branch = branch, Day = DateOnly.FromDateTime(moment.UtcDateTime) };

    public void CountRating(int rating)
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

    public void CountCsat(int answer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(answer, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(answer, 5);
        CsatAnswers++;
        if (answer >= 4)
        {
            CsatSatisfied++;
        }
    }

    public void CountCes(int answer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(answer, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(answer, 7);
        CesAnswers++;
        CesTotal += answer;
    }

    public void CountSurveyResponse() => SurveyResponses++;

    public void CountSurveyInvitation() => SurveyInvitations++;

    public void CountPurchase() => Purchases++;

    public void CountComplaintOpened() => ComplaintsOpened++;

    public void CountCompensation(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        CompensationAmount += amount;
    }
}
