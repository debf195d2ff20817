using CustomerPlatform.Loyalty.Domain.Programs;

namespace CustomerPlatform.Loyalty.Features.ManageProgram;

/// <summary>One version of the business's loyalty program.</summary>
/// <param name="Version">From 1; 0 is the built-in default of a business that has set none.</param>
/// <param name="EffectiveFrom">When the version came into force; absent for the default.</param>
/// <param name="CurrencyName">What the business calls its points.</param>
/// <param name="Earn">How points are earned.</param>
/// <param name="Tiers">Tiers from lowest to highest.</param>
/// <param name="Expiry">When points lapse.</param>
public sealed record ProgramResponse(
    int Version,
    DateTimeOffset? EffectiveFrom,
    string CurrencyName,
    EarnRuleSet Earn,
    IReadOnlyList<TierRule> Tiers,
    ExpiryRule Expiry)
{
    public static ProgramResponse From(ProgramInForce program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var rules = program.Rules;
        return new ProgramResponse(program.Version, program.EffectiveFrom, rules.CurrencyName, rules.Earn, rules.Tiers, rules.Expiry);
    }
}

/// <summary>A page of program versions, newest first.</summary>
/// <param name="Items">The versions on this page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; absent on the last.</param>
public sealed record ProgramVersionPage(IReadOnlyList<ProgramResponse> Items, string? NextCursor);
