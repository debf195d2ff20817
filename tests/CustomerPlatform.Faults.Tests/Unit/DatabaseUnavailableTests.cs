using System.Net.Sockets;
using CustomerPlatform.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Xunit;

namespace CustomerPlatform.Faults.Tests.Unit;

/// <summary>Which failures become a 503 (retry later) rather than a 500; the restart test shows them in action.</summary>
[Trait("Category", "Faults")]
public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    public void IsUnavailable_ServerShuttingDownOrStarting_IsTrue(string sqlState)
    {
        var shutdown = new PostgresException("terminating connection", "FATAL", "FATAL", sqlState);

        Assert.True(DatabaseFailures.IsUnavailable(shutdown));
    }

    [Fact]
    public void IsUnavailable_ConnectionRefusedAfterEfRetries_IsTrue()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        var retriesSpent = new RetryLimitExceededException("The maximum number of retries was exceeded.", refused);

        Assert.True(DatabaseFailures.IsUnavailable(retriesSpent));
    }

    [Fact]
    public void IsUnavailable_UniqueViolationOrABug_IsFalse()
    {
        var unique = new DbUpdateException("duplicate", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));
        var bug = new InvalidOperationException("a bug", new NullReferenceException());

        Assert.False(DatabaseFailures.IsUnavailable(unique));
        Assert.False(DatabaseFailures.IsUnavailable(bug));
    }
}
