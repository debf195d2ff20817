using CustomerPlatform.Feedback.Domain;
using CustomerPlatform.Feedback.Domain.Items;
using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.RecordFeedback;

/// <summary>A feedback item.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="CustomerId">The customer, when known.</param>
/// <param name="Branch">The branch it was given at.</param>
/// <param name="Kind">rating, compliment, suggestion, complaint or question.</param>
/// <param name="From">customer or staff.</param>
/// <param name="StaffMember">The staff member who gave it, for feedback from staff.</param>
/// <param name="About">What it is about.</param>
/// <param name="Channel">How it reached the business, when known.</param>
/// <param name="Rating">Likelihood to recommend, 0 to 10, when given.</param>
/// <param name="Text">What was said; absent once the customer is erased.</param>
/// <param name="Comment">The same as text, under its former name, for clients written before items had kinds.</param>
/// <param name="Tags">The item's tags, lower case.</param>
/// <param name="ReceivedAt">When it was recorded.</param>
public sealed record FeedbackResponse(
    Guid Id,
    Guid? CustomerId,
    string Branch,
    FeedbackKind Kind,
    FeedbackFrom From,
    string? StaffMember,
    FeedbackAboutResponse About,
    ResponseChannel? Channel,
    int? Rating,
    string? Text,
    string? Comment,
    IReadOnlyList<string> Tags,
    DateTimeOffset ReceivedAt)
{
    public static FeedbackResponse Of(FeedbackItem item) => new(
        item.Id,
        item.CustomerId,
        item.Branch,
        item.Kind,
        item.From,
        item.StaffMember,
        new FeedbackAboutResponse(item.AboutType, item.AboutReference),
        item.Channel,
        item.Rating,
        item.Comment,
        item.Comment,
        item.Tags,
        item.ReceivedAt);
}

/// <summary>What a feedback item is about.</summary>
/// <param name="Type">branch, product, service or staffMember.</param>
/// <param name="Reference">The branch code, product, service or staff member.</param>
public sealed record FeedbackAboutResponse(FeedbackAboutType Type, string Reference);

/// <summary>A page of feedback items, newest first.</summary>
public sealed record FeedbackPageResponse(IReadOnlyList<FeedbackResponse> Items, string? NextCursor);
