using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Features.GetCustomer;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Customers.Features.RegisterCustomer;

/// <summary>Registers a customer.</summary>
/// <param name="DisplayName">The name the business knows the customer by.</param>
/// <param name="Email">Optional e-mail; stored normalised (lower case).</param>
/// <param name="Phone">Optional phone with country code; stored in E.164.</param>
/// <param name="HomeBranch">Optional code of the customer's home branch.</param>
public sealed record RegisterCustomerRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
    [property: StringLength(254), Email] string? Email,
    [property: StringLength(40), Phone] string? Phone,
    [property: StringLength(50)] string? HomeBranch);

public static class RegisterCustomer
{
    internal const string InvalidEmail = "Not a valid e-mail address.";
    internal const string InvalidPhone = "Not a valid phone number: include the country code, e.g. +44 20 7946 0958.";

    public static RouteHandlerBuilder MapRegisterCustomer(this RouteGroupBuilder group) =>
        group.MapPost("", HandleAsync).WithName("RegisterCustomer").WithIdempotency<CustomersDbContext>();

    public static async Task<Results<Created<CustomerResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        RegisterCustomerRequest request,
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            errors["displayName"] = ["A display name is required."];
        }

        EmailAddress? email = null;
        if (request.Email is not null && !EmailAddress.TryParse(request.Email, out email))
        {
            errors["email"] = [InvalidEmail];
        }

        PhoneNumber? phone = null;
        if (request.Phone is not null && !PhoneNumber.TryParse(request.Phone, out phone))
        {
            errors["phone"] = [InvalidPhone];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!string.IsNullOrWhiteSpace(request.HomeBranch) && !tenant.MayActFor(request.HomeBranch))
        {
            return Problems.OtherBranch(request.HomeBranch);
        }

        var now = clock.GetUtcNow();
        var customer = Customer.Register(tenant.TenantId, request.DisplayName, email, phone, request.HomeBranch, now);
        db.Customers.Add(customer);
        db.EnqueueEvent(new CustomerRegistered
        {
            TenantId = customer.TenantId,
            CustomerId = customer.Id,
            DisplayName = customer.DisplayName,
            HomeBranch = customer.HomeBranch,
            OccurredAt = now,
        }, now);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(customer.Version);
        return TypedResults.Created($"/api/v1/customers/{customer.Id}", CustomerResponse.From(customer));
    }
}
