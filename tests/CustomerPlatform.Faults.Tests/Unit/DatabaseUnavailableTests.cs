using System.Net.Sockets;
using CustomerPlatform.ServiceDefaults.Problems;
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
    public void IsDatabaseUnavailable_ServerShuttingDownOrStarting_IsTrue(string sqlState)
    {
        var shutdown = new PostgresException("terminating connection", "FATAL", "FATAL", sqlState);

        Assert.True(PlatformExceptionHandler.IsDatabaseUnavailable(shutdown));
    }

    [Fact]
    public void IsDatabaseUnavailable_ConnectionRefusedAfterEfRetries_IsTrue()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        var retriesSpent = new RetryLimitExceededException("The maximum number of retries was exceeded.", refused);

        Assert.True(PlatformExceptionHandler.IsDatabaseUnavailable(retriesSpent));
    }

    [Fact]
    public void IsDatabaseUnavailable_UniqueViolationOrABug_IsFalse()
    {
        var unique = new DbUpdateException("duplicate", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));
        var bug = new InvalidOperationException("a bug", new NullReferenceException());

        Assert.False(PlatformExceptionHandler.IsDatabaseUnavailable(unique));
        Assert.False(PlatformExceptionHandler.IsDatabaseUnavailable(bug));
    }
}
