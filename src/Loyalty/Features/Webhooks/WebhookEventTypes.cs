using System.Collections.Frozen;
using System.Reflection;
using CustomerPlatform.Contracts.Loyalty;
using MassTransit;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary>The public loyalty events a webhook can subscribe to: every contract implementing ILoyaltyEvent, by its exchange name.</summary>
public static class WebhookEventTypes
{
    public static readonly FrozenDictionary<string, Type> ByName = typeof(ILoyaltyEvent).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ILoyaltyEvent).IsAssignableFrom(type))
        .ToFrozenDictionary(NameOf, type => type, StringComparer.Ordinal);

    public static string NameOf(Type eventType) =>
        eventType.GetCustomAttribute<EntityNameAttribute>()?.EntityName
        ?? throw new InvalidOperationException($"{eventType.Name} has no [EntityName]: its public name must be pinned.");
}
