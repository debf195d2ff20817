namespace CustomerPlatform.Messaging;

/// <summary>
/// An <c>amqp://user:password@host:port/vhost</c> connection string, the form Aspire's RabbitMQ resource injects.
/// </summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    private const ushort DefaultPort = 5672;

    public static RabbitMqAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException("The messaging connection string must be an amqp:// URI, e.g. amqp://guest:guest@localhost:5672/.");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            uri.Host,
            uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : (ushort)uri.Port,
            virtualHost.Length == 0 ? "/" : virtualHost,
            Uri.UnescapeDataString(credentials[0]) is { Length: > 0 } user ? user : "guest",
            credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest");
    }
}
