namespace CustomerPlatform.Gateway.Domain;

/// <summary>
/// One state-changing request a business's key made through the gateway: who, what, on which resource, with what
/// outcome. Only facts from the request line and the response status are kept: never a body, query string or key.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxRouteLength = 400;
    public const int MaxCorrelationIdLength = 64;
    private const int Created = 201;

    private static readonly HashSet<string> StateChangingMethods = new(["POST", "PUT", "PATCH", "DELETE"], StringComparer.OrdinalIgnoreCase);

    private AuditEntry()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid KeyId { get; private init; }
    public string? Branch { get; private init; }
    public string Method { get; private init; } = "";
    public string Route { get; private init; } = "";
    public Guid? TargetId { get; private init; }
    public int Status { get; private init; }
    public string? CorrelationId { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }

    /// <summary>Whether requests with this method change state, and so are audited.</summary>
    public static bool IsStateChanging(string method) => StateChangingMethods.Contains(method);

    /// <summary>Records a finished request; <paramref name="path"/> is the path alone (a query string may hold secrets).</summary>
    public static AuditEntry Record(
        Guid tenantId, Guid keyId, string? branch, string method, string path, string? location, int status, string? correlationId, DateTimeOffset occurredAt) =>
        new()
        {
            Id = Guid.CreateVersion7(occurredAt),
            TenantId = tenantId,
            KeyId = keyId,
            Branch = branch,
            Method = method.ToUpperInvariant(),
            Route = path.Length <= MaxRouteLength ? path : path[..MaxRouteLength],
            TargetId = TargetIdOf(status, location, path),
            Status = status,
            CorrelationId = correlationId is { Length: > MaxCorrelationIdLength } ? correlationId[..MaxCorrelationIdLength] : correlationId,
            OccurredAt = occurredAt,
        };

    /// <summary>The resource a request acted on: the one a 201 created (its Location), else the last id in the path.</summary>
    public static Guid? TargetIdOf(int status, string? location, string path) =>
        (status == Created ? LastGuidIn(location) : null) ?? LastGuidIn(path);

    private static Guid? LastGuidIn(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return null;
        }

        var end = uri.IndexOfAny(['?', '#']);
        var segments = (end >= 0 ? uri[..end] : uri).Split('/');
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (Guid.TryParse(segments[i], out var id))
            {
                return id;
            }
        }

        return null;
    }
}
