namespace CustomerPlatform.Standards.Domain.Measurable;

public enum ComplaintTargetKind
{
    Acknowledge,
    Resolve,
}
