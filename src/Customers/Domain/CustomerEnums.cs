namespace CustomerPlatform.Customers.Domain;

/// <summary>Whether the customer is a person or an organisation.</summary>
public enum CustomerKind
{
    Individual,
    Business,
}

/// <summary>
/// Where the customer stands with the business: a prospect has never bought, an active customer has, a lapsed one
/// has not for a while, and an erased one asked to be forgotten (only aggregates remain).
/// </summary>
public enum LifecycleStatus
{
    Prospect,
    Active,
    Lapsed,
    Erased,
}

/// <summary>A way to reach the customer: their preferred channel, and the channels marketing consent is given for.</summary>
public enum ContactChannel
{
    Email,
    Sms,
    Phone,
    Post,
}

/// <summary>How the customer first came to the business.</summary>
public enum CustomerSource
{
    WalkIn,
    Web,
    Phone,
    Referral,
    Import,
    Event,
    Social,
    Other,
}
