namespace CustomerPlatform.Standards.Domain.Compliance;

/// <summary>The kind of law or regulation a compliance item answers to; <see cref="Other"/> carries the business's own label.</summary>
public enum ComplianceCategory
{
    ConsumerGuarantees,
    FairTrading,
    Privacy,
    HealthAndSafety,
    Other,
}
