using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Customers.Tests;

/// <summary>The Customers service with a test bus that publishes, as the other services would, their erasure completions.</summary>
public sealed class CustomersPrivacyFixture()
    : ConsumingServiceFixture<Program>("customersdb", ErasureCompletedQueue)
{
    public const string ErasureCompletedQueue = "customers-customer-erasure-completed";
}
