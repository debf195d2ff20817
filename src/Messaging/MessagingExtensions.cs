using CustomerPlatform.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerPlatform.Messaging;

/// <summary>How a service joins the bus: MassTransit on RabbitMQ, the outbox relay, retries, queue names.</summary>
public static class MessagingExtensions
{
    /// <summary>The connection string name Aspire gives the RabbitMQ resource.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Registers the bus from <c>ConnectionStrings:messaging</c> (an amqp:// URI), the outbox relay for
    /// <typeparamref name="TContext"/>, and the service's consumers. Queues are kebab-case, prefixed by
    /// <paramref name="queuePrefix"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(
        this IHostApplicationBuilder builder,
        string queuePrefix,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TContext : DbContext
    {
        var broker = RabbitMqAddress.Parse(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing (ConnectionStrings:{ConnectionName})."));

        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxNudgeInterceptor>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddSingleton<IRetryObserver, RetryTelemetry>();

        // The app serves (and reports unhealthy) while the broker is away; the outbox holds what it writes.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, includeNamespace: false));
            addConsumers?.Invoke(bus);
            // A database outage is waited out inside the consumer (InboxConsumer), so these retries are for
            // everything else: a conflict, a bug, a poison message gets a few quick retries, then the error queue.
            // Every registered IRetryObserver sees each failed attempt (consume observers only see the last).
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Exponential(
                        retryLimit: 5,
                        minInterval: TimeSpan.FromMilliseconds(100),
                        maxInterval: TimeSpan.FromSeconds(5),
                        intervalDelta: TimeSpan.FromMilliseconds(200));
                    foreach (var observer in context.GetServices<IRetryObserver>())
                    {
                        retry.ConnectRetryObserver(observer);
                    }
                }));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>The DbContext options a messaging service needs: the relay is nudged on commit.</summary>
    public static void UseOutboxNudge(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(services.GetRequiredService<OutboxNudgeInterceptor>());
}
