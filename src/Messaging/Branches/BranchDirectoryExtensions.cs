using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerPlatform.Messaging.Branches;

/// <summary>How a service keeps its own copy of the gateway's branch directory.</summary>
public static class BranchDirectoryExtensions
{
    /// <summary>
    /// Registers the three branch consumers on queues <c>&lt;service&gt;-branch-registered</c>, <c>-updated</c> and
    /// <c>-closed</c>. Named here because the endpoint name formatter names a generic consumer after its last type
    /// argument (the DbContext), which would put all three on one oddly named queue.
    /// </summary>
    public static IBusRegistrationConfigurator AddBranchDirectory<TContext>(this IBusRegistrationConfigurator bus, string serviceName)
        where TContext : ServiceDefaults.Persistence.ServiceDbContext
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.TryAddSingleton(new BranchDirectoryService(serviceName));
        bus.AddConsumer<BranchRegisteredConsumer<TContext>>().Endpoint(endpoint => endpoint.Name = $"{serviceName}-branch-registered");
        bus.AddConsumer<BranchUpdatedConsumer<TContext>>().Endpoint(endpoint => endpoint.Name = $"{serviceName}-branch-updated");
        bus.AddConsumer<BranchClosedConsumer<TContext>>().Endpoint(endpoint => endpoint.Name = $"{serviceName}-branch-closed");
        return bus;
    }

    /// <summary>Adds the <c>branches</c> table to a service's model (call from its OnModelCreating).</summary>
    public static ModelBuilder AddBranchDirectory(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        return modelBuilder.ApplyConfiguration(new BranchConfiguration());
    }
}
