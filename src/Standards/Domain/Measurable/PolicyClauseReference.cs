namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>The policy clause a standard puts into numbers. Only its shape is checked here: the clause's existence is the policy library's to say.</summary>
public sealed record PolicyClauseReference(Guid PolicyId, string ClauseKey)
{
    public const int MaxClauseKeyLength = 100;
}
