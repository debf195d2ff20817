using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>A business's report settings; a business without a row has the defaults.</summary>
public sealed class ReportSettings : ITenantOwned
{
    public const int DefaultMinimumGroupSize = 5;
    public const int MaxMinimumGroupSize = 100;

    public Guid TenantId { get; set; }

    /// <summary>Fewer answers than this in a group and its scores are withheld, so a small branch's respondents stay unknown.</summary>
    public int MinimumGroupSize { get; set; } = DefaultMinimumGroupSize;

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Survey scores summed per business, UTC day, branch and survey. A database trigger on survey_responses keeps it,
/// so every way a response is written (API, public page, imports, bulk SQL) counts, and no code path can forget it.
/// </summary>
public sealed class ScoreDay : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public string Branch { get; set; } = "";
    public Guid SurveyId { get; set; }
    public long Responses { get; set; }
    public long Promoters { get; set; }
    public long Passives { get; set; }
    public long Detractors { get; set; }
    public long CsatAnswers { get; set; }
    public long CsatSatisfied { get; set; }
    public long CsatSum { get; set; }
    public long CesAnswers { get; set; }
    public long CesSum { get; set; }
}

/// <summary>A customer's membership of a segment, as Customers last announced it (newest event wins).</summary>
public sealed class SegmentMembership : ITenantOwned
{
    public const int MaxSegmentNameLength = 200;

    public Guid TenantId { get; set; }
    public Guid SegmentId { get; set; }
    public Guid CustomerId { get; set; }
    public string SegmentName { get; set; } = "";
    public bool IsMember { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>Purchases counted per business, branch and UTC day, from Customers' purchase events.</summary>
public sealed class PurchaseDay : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string Branch { get; set; } = "";
    public DateOnly Day { get; set; }
    public long Purchases { get; set; }
}
