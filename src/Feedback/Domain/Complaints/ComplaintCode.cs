using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>One entry of a business's own complaint categories or root causes: a stable code and its label.</summary>
public sealed class ComplaintCode : ITenantOwned
{
    public const int MaxLabelLength = 200;
    public const int MaxEntries = 200;

    private ComplaintCode()
    {
    }

    public ComplaintCode(Guid tenantId, ComplaintCodeKind kind, string code, string label)
    {
        TenantId = tenantId;
        Kind = kind;
        Code = code;
        Label = label;
    }

    public Guid TenantId { get; private init; }
    public ComplaintCodeKind Kind { get; private init; }
    public string Code { get; private init; } = "";
    public string Label { get; private set; } = "";

    public void Relabel(string label) => Label = label;
}
