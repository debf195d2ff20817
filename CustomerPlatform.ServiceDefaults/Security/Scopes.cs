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
    public const string KeysManage = "keys:manage";
    public const string BranchesManage = "branches:manage";
    public const string WebhooksManage = "webhooks:manage";

    /// <summary>Every service scope.</summary>
    public static readonly IReadOnlyList<string> AllServiceScopes =
    [
        CustomersRead, CustomersWrite, FeedbackRead, FeedbackWrite, LoyaltyRead, LoyaltyWrite, StandardsRead, StandardsWrite,
    ];

    /// <summary>Every scope a key can hold: the service scopes and the gateway's management scopes. A business's first (owner) key gets them all.</summary>
    public static readonly IReadOnlyList<string> All = [.. AllServiceScopes, KeysManage, BranchesManage, WebhooksManage];
}
