namespace CustomerPlatform.Contracts;

/// <summary>
/// What every integration event carries: the business it belongs to and when the fact happened.
/// Consumers rely on <see cref="TenantId"/> to act for the right business without any other lookup.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>The business (tenant) the event belongs to.</summary>
    Guid TenantId { get; }

    /// <summary>When the fact happened, in UTC.</summary>
    DateTimeOffset OccurredAt { get; }
}
