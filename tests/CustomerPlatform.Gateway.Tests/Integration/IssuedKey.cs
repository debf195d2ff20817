namespace CustomerPlatform.Gateway.Tests.Integration;

/// <summary>The owner key in <see cref="CreatedBusiness"/>; <see cref="Key"/> is the only time the plain key is shown.</summary>
internal sealed record IssuedKey(Guid Id, string Name, string Key, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);
