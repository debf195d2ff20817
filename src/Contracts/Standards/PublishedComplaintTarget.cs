namespace CustomerPlatform.Contracts.Standards;

/// <summary>One complaint target in <see cref="ComplaintTargetsPublished"/>, and the standard version it comes from.</summary>
public sealed record PublishedComplaintTarget
{
    /// <summary><c>acknowledge</c> (opening to acknowledging) or <c>resolve</c> (opening to resolving, paused while waiting on the customer).</summary>
    public required string Kind { get; init; }

    /// <summary>low, medium, high or critical; absent for the default row.</summary>
    public string? Severity { get; init; }

    /// <summary>Minutes of business time on the complaint's branch hours.</summary>
    public required int WithinMinutes { get; init; }

    /// <summary>The standard that sets the target.</summary>
    public required Guid StandardId { get; init; }

    /// <summary>The standard's version whose target this is.</summary>
    public required int StandardVersion { get; init; }
}
