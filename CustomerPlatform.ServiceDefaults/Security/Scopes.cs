namespace CustomerPlatform.ServiceDefaults.Security;

/// <summary>What an API key may do, per service and access. The internal token carries them as <c>scope</c> claims.</summary>
public static class Scopes
{
    public const string CustomersRead = "customers:read";
    public const string CustomersWrite = "customers:write";
    public const string FeedbackRead = "feedback:read";
    public const string FeedbackWrite = "feedback:write";
    public const string LoyaltyRead = "loyalty:read";
    public const string LoyaltyWrite = "loyalty:write";
    public const string StandardsRead = "standards:read";
    public const string StandardsWrite = "standards:write";

    /// <summary>Every service scope: what a business's first (owner) key gets.</summary>
    public static readonly IReadOnlyList<string> AllServiceScopes =
    [
        CustomersRead, CustomersWrite, FeedbackRead, FeedbackWrite, LoyaltyRead, LoyaltyWrite, StandardsRead, StandardsWrite,
    ];
}
