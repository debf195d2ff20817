using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Feedback.Domain;
using CustomerPlatform.Feedback.Domain.Items;
using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.RecordFeedback;

/// <summary>
/// Records a feedback item: a plain rating (no <paramref name="Kind"/>, as the API first took them: branch and rating
/// are enough), or a compliment, suggestion, complaint or question from a customer or a member of staff. An item needs
/// a rating or a text.
/// </summary>
/// <param name="CustomerId">The customer, when known.</param>
/// <param name="Branch">Code of the branch the feedback was given at (or about).</param>
/// <param name="Rating">Likelihood to recommend, 0 to 10: required for a plain rating, optional for the other kinds.</param>
/// <param name="Comment">The former name of <paramref name="Text"/>, still accepted; send one of the two.</param>
/// <param name="Kind">rating (the default), compliment, suggestion, complaint or question.</param>
/// <param name="From">customer (the default) or staff.</param>
/// <param name="StaffMember">The staff member giving the feedback (name or staff code); required when from is staff.</param>
/// <param name="About">What the item is about; the branch itself when absent.</param>
/// <param name="Channel">How the feedback reached the business, when known.</param>
/// <param name="Text">What was said, up to 4000 characters.</param>
/// <param name="Tags">Up to 20 tags, stored lower case with inner spaces as '-', each at most 40 characters.</param>
public sealed record RecordFeedbackRequest(
    Guid? CustomerId,
    [property: Required, StringLength(50, MinimumLength = 1)] string Branch,
    [property: Range(FeedbackItem.MinRating, FeedbackItem.MaxRating)] int? Rating,
    [property: StringLength(FeedbackItem.MaxCommentLength)] string? Comment,
    FeedbackKind? Kind = null,
    FeedbackFrom? From = null,
    [property: StringLength(FeedbackItem.MaxStaffMemberLength)] string? StaffMember = null,
    FeedbackAboutRequest? About = null,
    ResponseChannel? Channel = null,
    [property: StringLength(FeedbackItem.MaxCommentLength)] string? Text = null,
    IReadOnlyList<string?>? Tags = null);

/// <summary>What a feedback item is about.</summary>
/// <param name="Type">branch (the default), product, service or staffMember.</param>
/// <param name="Reference">The product, service or staff member; for a branch, its code (the item's branch when absent).</param>
public sealed record FeedbackAboutRequest(
    FeedbackAboutType? Type,
    [property: StringLength(FeedbackItem.MaxReferenceLength)] string? Reference);
