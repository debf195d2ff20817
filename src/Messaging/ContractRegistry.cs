using System.Collections.Frozen;
using System.Reflection;
using CustomerPlatform.Contracts;
using MassTransit;

namespace CustomerPlatform.Messaging;

/// <summary>
/// Maps each integration event type to its pinned wire urn and back, built once from the Contracts assembly.
/// The outbox stores the urn, never a CLR type name, so renaming a class cannot strand queued rows.
/// </summary>
public static class ContractRegistry
{
    private static readonly FrozenDictionary<Type, string> UrnByType = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(type))
        .ToFrozenDictionary(
            type => type,
            type => type.GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString()
                ?? throw new InvalidOperationException($"{type.Name} has no [MessageUrn]: its wire name must be pinned."));

    private static readonly FrozenDictionary<string, Type> TypeByUrn =
        UrnByType.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every integration event type.</summary>
    public static IEnumerable<Type> EventTypes => UrnByType.Keys;

    /// <summary>The pinned urn of an event type.</summary>
    public static string UrnOf(Type eventType) =>
        UrnByType.TryGetValue(eventType, out var urn)
            ? urn
            : throw new InvalidOperationException($"{eventType.Name} is not an integration event from CustomerPlatform.Contracts.");

    /// <summary>The event type of a stored urn, or null when this build does not know it.</summary>
    public static Type? TypeOf(string urn) => TypeByUrn.GetValueOrDefault(urn);
}
