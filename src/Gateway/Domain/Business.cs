namespace CustomerPlatform.Gateway.Domain;

/// <summary>A business using the platform: the tenant every other row belongs to.</summary>
public sealed class Business
{
    private Business()
    {
    }

    public Guid Id { get; private init; }
    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private init; }

    public static Business Create(string name, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name.Trim(), CreatedAt = now };
}
