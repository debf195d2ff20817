using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Records;

public static class GetCustomer
{
    public static RouteHandlerBuilder MapGetCustomer(this RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", HandleAsync).WithName("GetCustomer");

    /// <summary>A customer by id, archived or not, with its ETag.</summary>
    public static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, CustomersDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(customer => customer.Id == id, cancellationToken);
        return customer is null ? Problems.NotFound("customer", id) : CustomerRecords.Ok(http, customer);
    }
}
