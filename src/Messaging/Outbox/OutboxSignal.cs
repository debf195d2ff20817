using CustomerPlatform.ServiceDefaults.Hosting;

namespace CustomerPlatform.Messaging.Outbox;

/// <summary>Wakes the relay when a transaction that may hold outbox rows commits.</summary>
public sealed class OutboxSignal : WakeSignal;
