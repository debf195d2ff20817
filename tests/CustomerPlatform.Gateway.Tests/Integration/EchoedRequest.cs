namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>What <see cref="EchoUpstream"/> received: the request as a service behind the gateway would see it.</summary>
public sealed record EchoedRequest(
    string Method,
    string PathAndQuery,
    string? Authorization,
    string? CorrelationId,
    string? TenantIdHeader);
