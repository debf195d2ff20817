namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>A version's life: edited as a draft, frozen when published, retired when replaced or withdrawn.</summary>
public enum PolicyVersionStatus
{
    Draft,
    Published,
    Retired,
}
