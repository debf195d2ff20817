using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Tests.Unit;

/// <summary>Customers for domain tests, built through the same checks the API uses.</summary>
internal static class TestCustomers
{
    public static CustomerDetails Details(CustomerFields fields, IReadOnlyDictionary<string, CustomAttributeDefinition>? definitions = null)
    {
        var errors = new Dictionary<string, string[]>();
        var details = CustomerDetails.TryCreate(fields, definitions ?? new Dictionary<string, CustomAttributeDefinition>(), new DateOnly(2026, 11, 22), errors);
        return details ?? throw new InvalidOperationException("Invalid test customer: " + string.Join("; ", errors.Select(error => $"{error.Key}: {error.Value[0]}")));
    }

    public static Customer Register(string displayName, DateTimeOffset at) =>
        Customer.Register(Guid.NewGuid(), Details(new CustomerFields { DisplayName = displayName }), CustomerSource.WalkIn, at);
}
