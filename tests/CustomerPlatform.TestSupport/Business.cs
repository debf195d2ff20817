namespace CustomerPlatform.TestSupport;

/// <summary>A business created through the gateway's operator endpoint, with its first (owner) API key.</summary>
public sealed record Business(Guid Id, string ApiKey);
