using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Customers.Tests;

/// <summary>The Customers service on a private database and vhost, shared by the tests of one class and dropped after it.</summary>
public sealed class CustomersServiceFixture() : ServiceFixture<Program>("customersdb");
