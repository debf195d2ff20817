using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Domain.Items;

/// <summary>What a feedback item says, as given; <see cref="FeedbackItem.Check"/> names what breaks a rule.</summary>
public sealed record FeedbackItemDetails(
    FeedbackKind Kind = FeedbackKind.Rating,
    FeedbackFrom From = FeedbackFrom.Customer,
    string? StaffMember = null,
    FeedbackAboutType AboutType = FeedbackAboutType.Branch,
    string? AboutReference = null,
    ResponseChannel? Channel = null,
    int? Rating = null,
    string? Text = null,
    IReadOnlyList<string>? Tags = null);
