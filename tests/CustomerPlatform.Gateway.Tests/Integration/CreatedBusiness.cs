namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>The body of a 201 from POST /api/v1/businesses, as it is on the wire.</summary>
internal sealed record CreatedBusiness(Guid BusinessId, string Name, DateTimeOffset CreatedAt, IssuedKey ApiKey);
