using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>An area a business added to the built-in ones (<see cref="PolicyAreas"/>), e.g. <c>home-visits</c>.</summary>
public sealed class PolicyArea : ITenantOwned
{
    public const int MaxNameLength = 100;

    private PolicyArea()
    {
    }

    public Guid TenantId { get; private init; }
    public string Key { get; private init; } = "";
    public string Name { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }

    public static PolicyArea Add(Guid tenantId, string key, string name, DateTimeOffset now)
    {
        if (PolicyAreas.IsBuiltIn(key))
        {
            throw new DomainException("policy-area-built-in", $"'{key}' is a built-in area; every business already has it.", DomainErrorKind.Conflict);
        }

        return new PolicyArea { TenantId = tenantId, Key = key, Name = name, CreatedAt = now };
    }
}
