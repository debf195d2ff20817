using CustomerPlatform.ServiceDefaults.Hosting;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>Wakes the import worker when a job is queued.</summary>
public sealed class ImportSignal : WakeSignal;
