namespace CustomerPlatform.Standards.Domain.Measurable;

public enum StandardStatus
{
    Active,

    /// <summary>No longer held to; its versions stay readable.</summary>
    Retired,
}
