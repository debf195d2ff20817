namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>The metrics a standard can be set on. Fixed in code: each needs its own measurement, so a business cannot add one.</summary>
public static class MetricCatalogue
{
    public const string ComplaintAcknowledgementTime = "complaint-acknowledgement-time";
    public const string ComplaintResolutionTime = "complaint-resolution-time";

    /// <summary>A year of round-the-clock business time, as Feedback caps its own complaint targets.</summary>
    public const int MaxMinutes = 365 * 24 * 60;

    private static readonly Comparator[] AtMost = [Comparator.AtMost];
    private static readonly Comparator[] AtLeast = [Comparator.AtLeast];

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(ComplaintAcknowledgementTime, "Complaint acknowledgement time",
            "Business minutes from a complaint being opened to its acknowledgement, on the branch's opening hours and holidays.",
            MetricUnit.BusinessMinutes, AtMost, 1, MaxMinutes, WholeNumbers: true, BySeverity: true),
        new(ComplaintResolutionTime, "Complaint resolution time",
            "Business minutes from a complaint being opened to its resolution; the clock is paused while the case waits on the customer.",
            MetricUnit.BusinessMinutes, AtMost, 1, MaxMinutes, WholeNumbers: true, BySeverity: true),
        new("nps", "Net Promoter Score",
            "Percentage of promoters (9-10) minus percentage of detractors (0-6) among likelihood-to-recommend answers.",
            MetricUnit.Score, AtLeast, -100, 100, WholeNumbers: false, BySeverity: false),
        new("csat", "Customer satisfaction (CSAT)",
            "Percentage of satisfaction answers that are satisfied (4 or 5 of 5).",
            MetricUnit.Percent, AtLeast, 0, 100, WholeNumbers: false, BySeverity: false),
        new("ces", "Customer effort score (CES)",
            "Average effort answer on a 1 (very easy) to 7 (very hard) scale: lower is better.",
            MetricUnit.Score, AtMost, 1, 7, WholeNumbers: false, BySeverity: false),
        new("survey-response-rate", "Survey response rate",
            "Percentage of survey invitations sent in the period that were answered.",
            MetricUnit.Percent, AtLeast, 0, 100, WholeNumbers: false, BySeverity: false),
        new("complaints-per-100-purchases", "Complaints per 100 purchases",
            "Complaints opened per 100 purchases recorded at the branch in the period.",
            MetricUnit.PerHundredPurchases, AtMost, 0, 100, WholeNumbers: false, BySeverity: false),
        new("follow-up-completion", "Follow-up completion",
            "Percentage of follow-ups due in the period (Customers' interactions) completed by their due time.",
            MetricUnit.Percent, AtLeast, 0, 100, WholeNumbers: false, BySeverity: false),
        new("compensation-cost-per-100-purchases", "Compensation cost per 100 purchases",
            "Approved compensation, in the business's currency, per 100 purchases recorded in the period.",
            MetricUnit.CurrencyPerHundredPurchases, AtMost, 0, 1_000_000, WholeNumbers: false, BySeverity: false),
        new("policy-acknowledgement-rate", "Policy acknowledgement rate",
            "Percentage of the staff acknowledgement tasks for published policy versions that are acknowledged.",
            MetricUnit.Percent, AtLeast, 0, 100, WholeNumbers: false, BySeverity: false),
    ];

    public static MetricDefinition? Find(string? code) =>
        All.FirstOrDefault(metric => string.Equals(metric.Code, code, StringComparison.Ordinal));
}
