using Npgsql;

namespace CustomerPlatform.ServiceDefaults.Persistence;

/// <summary>Which database failures pass by themselves, so the work is worth doing again later.</summary>
public static class DatabaseFailures
{
    /// <summary>
    /// Whether the database could not be reached or went away (a restart, a failover, a lost connection) after
    /// EF's own retries: an HTTP client may retry (503, not 500), and a consumer should wait it out rather than
    /// spend its retries. Npgsql marks these transient; an administrator's shutdown (57P01) or a server still
    /// starting (57P03) may arrive as a plain server error.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }
                or NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

}
