namespace CustomerPlatform.Customers.Domain;

/// <summary>Client-sent times as PostgreSQL keeps them.</summary>
internal static class StoredTime
{
    /// <summary>The same instant in UTC: Npgsql writes no other offset to <c>timestamptz</c>.</summary>
    public static DateTimeOffset Of(DateTimeOffset time) => time.ToUniversalTime();

    /// <summary>Whether two times are the same to the microsecond, the precision <c>timestamptz</c> keeps.</summary>
    public static bool SameInstant(DateTimeOffset left, DateTimeOffset right) =>
        left.UtcTicks / TimeSpan.TicksPerMicrosecond == right.UtcTicks / TimeSpan.TicksPerMicrosecond;
}
