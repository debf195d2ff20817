using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Reviews;

/// <summary>
/// A suggestion a member of staff gave through Feedback, kept so a review can show its branch's suggestions of the
/// period. Only the reference and its tags: the text stays in Feedback, which owns it.
/// </summary>
public sealed class StaffSuggestion : ITenantOwned
{
    private StaffSuggestion()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid FeedbackId { get; private init; }
    public string Branch { get; private init; } = "";
    public DateTimeOffset OccurredAt { get; private init; }
    public List<string> Tags { get; private init; } = [];
}
