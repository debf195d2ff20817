using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CustomerPlatform.Messaging;

/// <summary>The messaging layer's own spans and measures (subscribed to by the defaults' wildcard).</summary>
internal static class MessagingTelemetry
{
    public const string Name = "CustomerPlatform.Messaging";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> OutboxPublished =
        Meter.CreateCounter<long>("customer_platform.outbox.published", "{message}", "Outbox messages published to the broker.");

    public static readonly Counter<long> OutboxPublishFailures =
        Meter.CreateCounter<long>("customer_platform.outbox.publish_failures", "{failure}", "Outbox publish attempts that failed.");

    public static readonly Counter<long> InboxDuplicates =
        Meter.CreateCounter<long>("customer_platform.inbox.duplicates", "{message}", "Deliveries skipped because the inbox had already processed them.");

    public static readonly Counter<long> ConsumeRetries =
        Meter.CreateCounter<long>("customer_platform.consume.retries", "{attempt}", "Consume attempts that failed and will be retried, by exception type.");

    public static readonly Counter<long> InboxDatabaseWaits =
        Meter.CreateCounter<long>("customer_platform.inbox.database_waits", "{wait}", "Seconds a consumer waited for its database to come back.");
}
