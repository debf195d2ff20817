namespace CustomerPlatform.ServiceDefaults.Security;

/// <summary>
/// The tenant the current unit of work acts for: set once per HTTP request from the internal token,
/// or per message from the event's TenantId. Every tenant-owned query is filtered by it.
/// </summary>
public sealed class TenantContext
{
    private Guid? _tenantId;

    /// <summary>The current tenant; throws when nothing has set it, so no query can run unscoped by accident.</summary>
    public Guid TenantId => _tenantId ?? throw new InvalidOperationException("No tenant is set for this unit of work.");

    /// <summary>Whether a tenant has been set.</summary>
    public bool IsSet => _tenantId.HasValue;

    /// <summary>The caller's branch restriction, when the request came with one.</summary>
    public string? Branch { get; private set; }

    /// <summary>
    /// Whether the caller may write or report for the branch: a branch-restricted key only for its own branch,
    /// an unrestricted one for any. Reading the business's shared data (customers) is not restricted.
    /// </summary>
    public bool MayActFor(string branch) =>
        Branch is null || string.Equals(Branch, branch.Trim(), StringComparison.Ordinal);

    /// <summary>Sets the tenant once; setting another one later is a bug and throws.</summary>
    public void Set(Guid tenantId, string? branch = null)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A tenant id cannot be empty.", nameof(tenantId));
        }

        if (_tenantId.HasValue && _tenantId.Value != tenantId)
        {
            throw new InvalidOperationException("The tenant of a unit of work cannot change.");
        }

        _tenantId = tenantId;
        Branch = branch;
    }
}
