using CustomerPlatform.Loyalty.Domain.Programs;

namespace CustomerPlatform.Loyalty.Features.ManageProgram;

/// <summary>The rules of one program version, with its number (0 for the built-in default).</summary>
public sealed record ProgramInForce(int Version, ProgramRules Rules, DateTimeOffset? EffectiveFrom)
{
    public static readonly ProgramInForce Default = new(0, ProgramRules.Default, null);

    public static ProgramInForce From(LoyaltyProgramVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new ProgramInForce(version.Version, version.Rules, version.EffectiveFrom);
    }
}
