namespace CustomerPlatform.TestSupport;

/// <summary>
/// Where the shared PostgreSQL and RabbitMQ servers are (see <c>eng/infra.sh up</c>). Tests never fall back to
/// fakes: a server that is not there fails the run with a message saying which one and how it was addressed.
/// </summary>
public static class TestInfrastructure
{
    /// <summary>HMAC key the services under test are configured with and <see cref="InternalTokens"/> signs with.</summary>
    public const string SigningKey = "customer-platform-test-signing-key-not-a-secret";

    /// <summary>
    /// A role allowed to create databases, from <c>CP_TEST_POSTGRES</c>. No TLS on loopback: Debian's server offers it
    /// and Npgsql takes it by default, and it cost about a third of the services' CPU in the pipeline profile.
    /// </summary>
    public static string PostgresAdminConnectionString { get; } = Read(
        "CP_TEST_POSTGRES",
        "Host=127.0.0.1;Port=5432;Username=customerplatform;Password=customerplatform;SSL Mode=Disable");

    /// <summary>The broker's AMQP address with credentials, from <c>CP_TEST_RABBITMQ</c>.</summary>
    public static Uri RabbitMqUri { get; } = new(Read(
        "CP_TEST_RABBITMQ",
        "amqp://customerplatform:customerplatform@127.0.0.1:5672/"));

    /// <summary>The management API with an administrator's credentials, from <c>CP_TEST_RABBITMQ_MANAGEMENT</c>.</summary>
    public static Uri RabbitMqManagementUri { get; } = new(Read(
        "CP_TEST_RABBITMQ_MANAGEMENT",
        "http://customerplatform:customerplatform@127.0.0.1:15672"));

    private static string Read(string variable, string fallback)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? fallback : value;
    }
}
