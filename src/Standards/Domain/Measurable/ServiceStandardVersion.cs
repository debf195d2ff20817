using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>One version of a standard's terms, kept unchanged for good so past measurements and deadlines can name it.</summary>
public sealed class ServiceStandardVersion : ITenantOwned
{
    private ServiceStandardVersion()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid StandardId { get; private init; }

    /// <summary>1 for the standard as created, then one more for each change of terms.</summary>
    public int Number { get; private init; }

    public StandardTerms Terms { get; private init; } = null!;
    public DateTimeOffset CreatedAt { get; private init; }

    internal static ServiceStandardVersion Of(ServiceStandard standard, DateTimeOffset now) => new()
    {
        TenantId = standard.TenantId, StandardId = standard.Id, Number = standard.CurrentVersion, Terms = standard.Terms, CreatedAt = now,
    };
}
