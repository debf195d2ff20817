using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>A customer of one business.</summary>
public sealed class Customer : ITenantOwned
{
    private Customer()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public string DisplayName { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string? HomeBranch { get; private set; }
    public DateTimeOffset RegisteredAt { get; private init; }

    /// <summary>Row version (PostgreSQL xmin), exposed as the ETag.</summary>
    public uint Version { get; private set; }

    public static Customer Register(Guid tenantId, string displayName, EmailAddress? email, PhoneNumber? phone, string? homeBranch, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            DisplayName = displayName.Trim(),
            Email = email?.Value,
            Phone = phone?.Value,
            HomeBranch = string.IsNullOrWhiteSpace(homeBranch) ? null : homeBranch.Trim(),
            RegisteredAt = now,
        };
}
