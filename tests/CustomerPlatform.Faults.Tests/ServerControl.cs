using System.Diagnostics;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Faults.Tests;

/// <summary>
/// Stops and starts the shared local PostgreSQL and RabbitMQ servers the way an operator (or a crash and a
/// supervisor) would, through the same init scripts <c>eng/infra.sh</c> uses, and waits until they serve again.
/// </summary>
public static class ServerControl
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    public static Task StopRabbitMqAsync() => RunAsync("service", "rabbitmq-server", "stop");

    public static async Task StartRabbitMqAsync()
    {
        await RunAsync("service", "rabbitmq-server", "start");
        await RunAsync("rabbitmqctl", "-q", "await_startup", "--timeout", "60");
    }

    /// <summary>
    /// Restarts PostgreSQL as an operator plans it: a checkpoint first, so the shutdown does not spend seconds
    /// flushing the databases the fixtures just created (the disk, not the apps, then set how long requests
    /// waited). The apps still lose every connection and find the server gone for a while.
    /// </summary>
    public static async Task RestartPostgresAsync()
    {
        await RunAsync("runuser", "-u", "postgres", "--", "psql", "-qc", "CHECKPOINT");
        await RunAsync("service", "postgresql", "restart");
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresAdminConnectionString);
        await Eventually.AssertAsync(
            async () => await ExitCodeAsync("pg_isready", "-q", "-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)) == 0,
            "PostgreSQL should accept connections again after its restart",
            TimeSpan.FromSeconds(60));
    }

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var exitCode = await ExitCodeAsync(command, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{command} {string.Join(' ', arguments)}' exited with {exitCode}.");
        }
    }

    private static async Task<int> ExitCodeAsync(string command, params string[] arguments)
    {
        // CI and the dev containers run as root; elsewhere sudo must not prompt (-n), it fails instead.
        string[] commandLine = Environment.UserName == "root" ? [command, .. arguments] : ["sudo", "-n", command, .. arguments];
        // The servers' init scripts leave daemons behind: they must not inherit a pipe of ours (or the test
        // host's output), or whoever reads it waits for them to exit.
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", "\"$@\" >/dev/null 2>&1 </dev/null", "sh", .. commandLine])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {command}.");
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
