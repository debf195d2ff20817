namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>Where a policy stands: never published, a version in force, or none in force any more.</summary>
public enum PolicyStatus
{
    Draft,
    Published,
    Retired,
}
