using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.GetCustomer;

/// <summary>A customer as the API shows it.</summary>
public sealed record CustomerResponse(
    Guid Id,
    string DisplayName,
    string? Email,
    string? Phone,
    string? HomeBranch,
    DateTimeOffset RegisteredAt)
{
    public static CustomerResponse From(Customer customer) =>
        new(customer.Id, customer.DisplayName, customer.Email, customer.Phone, customer.HomeBranch, customer.RegisteredAt);
}
