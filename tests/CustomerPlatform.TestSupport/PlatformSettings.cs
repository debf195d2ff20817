namespace CustomerPlatform.TestSupport;

/// <summary>What differs between the callers of <see cref="PlatformProcesses"/> (the end-to-end tests, the bench).</summary>
public sealed record PlatformSettings
{
    /// <summary>The key every service verifies internal tokens with (and the gateway signs them with).</summary>
    public required string SigningKey { get; init; }

    /// <summary>The gateway's per-key rate limit, permits per second and burst alike: callers set it far above their load.</summary>
    public required int PermitsPerSecond { get; init; }

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Each app's database pool; <c>null</c> keeps <see cref="PostgresDatabase"/>'s small default.</summary>
    public int? MaxPoolSize { get; init; }

    /// <summary>Set on every app besides the connection strings (e.g. the OTLP exporter).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A <c>messaging</c> connection string per app name (<c>customers</c>, <c>gateway</c>...) to use instead of the
    /// vhost's own, e.g. through a <see cref="TcpProxy"/>; an app not named here gets <see cref="RabbitMqVirtualHost.ConnectionString"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> MessagingOverrides { get; init; } = new Dictionary<string, string>();
}
