namespace CustomerPlatform.Standards.Features.Reviews;

/// <summary>How often the overdue-reviews gauge refreshes (section <c>Standards:Reviews</c>).</summary>
public sealed class ReviewOptions
{
    public const string Section = "Standards:Reviews";

    /// <summary>How often the overdue-reviews gauge is recounted.</summary>
    public TimeSpan GaugeRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
