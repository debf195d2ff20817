namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>A page of GET /api/v1/audit, as it is on the wire.</summary>
internal sealed record AuditPage(IReadOnlyList<AuditItem> Items, string? NextCursor);
