using CustomerPlatform.Customers;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService<CustomersDbContext>("customers");
// Here, not only in AddPlatformService: the validation source generator finds the request types of the endpoints
// only in the assembly that calls AddValidation, so without this call no request is ever validated.
builder.Services.AddValidation();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCustomersEndpoints();
await app.RunPlatformServiceAsync<CustomersDbContext>();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
