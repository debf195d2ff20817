namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>One entry of <see cref="AuditPage"/>.</summary>
internal sealed record AuditItem(
    Guid Id, Guid KeyId, string? Branch, string Method, string Route, Guid? TargetId, int Status, string? CorrelationId, DateTimeOffset OccurredAt);
