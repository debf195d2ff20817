using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.GetCustomer;

public static class GetCustomer
{
    public static RouteHandlerBuilder MapGetCustomer(this RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", HandleAsync).WithName("GetCustomer");

    public static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, CustomersDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(customer => customer.Id == id, cancellationToken);
        if (customer is null)
        {
            return Problems.NotFound("customer", id);
        }

        http.Response.Headers.ETag = ETags.From(customer.Version);
        return TypedResults.Ok(CustomerResponse.From(customer));
    }
}
