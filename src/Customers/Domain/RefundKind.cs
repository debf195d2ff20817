namespace CustomerPlatform.Customers.Domain;

/// <summary>What money went back: part or all of a purchase (a refund), or the whole purchase cancelled (a void).</summary>
public enum RefundKind
{
    Refund,
    Void,
}
