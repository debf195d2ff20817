using CustomerPlatform.Feedback.Domain.Items;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain;

/// <summary>
/// A feedback item from a customer or a member of staff: a plain 0-10 rating (the "would you recommend us" question),
/// or a compliment, suggestion, complaint or question about a branch, product, service or staff member.
/// </summary>
public sealed class FeedbackItem : ITenantOwned
{
    public const int MinRating = 0;
    public const int MaxRating = 10;
    public const int MaxCommentLength = 4000;
    public const int MaxStaffMemberLength = 100;
    public const int MaxReferenceLength = 200;

    private FeedbackItem()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid? CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public FeedbackKind Kind { get; private init; }
    public FeedbackFrom From { get; private init; }
    public string? StaffMember { get; private init; }
    public FeedbackAboutType AboutType { get; private init; }
    public string AboutReference { get; private init; } = "";
    public ResponseChannel? Channel { get; private init; }
    public int? Rating { get; private init; }

    /// <summary>The item's text (the API's <c>text</c>, formerly <c>comment</c>); cleared when the customer is erased.</summary>
    public string? Comment { get; private init; }

    public List<string> Tags { get; private init; } = [];
    public DateTimeOffset ReceivedAt { get; private init; }

    /// <summary>A plain rating with an optional comment, as the API first took them.</summary>
    public static FeedbackItem Record(Guid tenantId, Guid? customerId, string branch, int rating, string? comment, DateTimeOffset now) =>
        Record(tenantId, customerId, branch, new FeedbackItemDetails(Rating: rating, Text: comment), now);

    public static FeedbackItem Record(Guid tenantId, Guid? customerId, string branch, FeedbackItemDetails details, DateTimeOffset now)
    {
        if (details.Rating is < MinRating or > MaxRating)
        {
            throw new DomainException("invalid-rating", $"A rating is from {MinRating} to {MaxRating}.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check(branch, details, errors);
        if (errors.Count > 0)
        {
            var (field, messages) = errors.First();
            throw new DomainException("invalid-feedback-item", $"{field}: {messages[0]}");
        }

        var trimmedBranch = branch.Trim();
        return new FeedbackItem
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CustomerId = customerId,
            Branch = trimmedBranch,
            Kind = details.Kind,
            From = details.From,
            StaffMember = Blank(details.StaffMember),
            AboutType = details.AboutType,
            AboutReference = Blank(details.AboutReference) ?? trimmedBranch,
            Channel = details.Channel,
            Rating = details.Rating,
            Comment = Blank(details.Text),
            Tags = [.. details.Tags ?? []],
            ReceivedAt = now,
        };
    }

    /// <summary>The rules an item must meet, as field errors keyed by the API's names (tags are read by <see cref="FeedbackTags"/>).</summary>
    public static void Check(string branch, FeedbackItemDetails details, IDictionary<string, string[]> errors)
    {
        if (details.Rating is < MinRating or > MaxRating)
        {
            errors["rating"] = [$"A rating from {MinRating} to {MaxRating}."];
        }
        else if (details.Kind == FeedbackKind.Rating && details.Rating is null)
        {
            errors["rating"] = [$"A plain rating (no kind given) needs a rating from {MinRating} to {MaxRating}."];
        }
        else if (details.Rating is null && Blank(details.Text) is null)
        {
            errors["text"] = ["An item needs a rating or a text."];
        }

        var staffMember = Blank(details.StaffMember);
        if (details.From == FeedbackFrom.Staff && staffMember is null)
        {
            errors["staffMember"] = ["The name or staff code of the staff member giving the feedback."];
        }
        else if (details.From == FeedbackFrom.Customer && staffMember is not null)
        {
            errors["staffMember"] = ["Only for feedback from staff (from: staff)."];
        }
        else if (staffMember is { Length: > MaxStaffMemberLength })
        {
            errors["staffMember"] = [$"At most {MaxStaffMemberLength} characters."];
        }

        var reference = Blank(details.AboutReference);
        if (details.AboutType == FeedbackAboutType.Branch && reference is not null && reference != branch.Trim())
        {
            errors["about.reference"] = ["For feedback about a branch, the item's own branch code (or nothing)."];
        }
        else if (details.AboutType != FeedbackAboutType.Branch && reference is null)
        {
            errors["about.reference"] = ["What the feedback is about: the product, service or staff member."];
        }
        else if (reference is { Length: > MaxReferenceLength })
        {
            errors["about.reference"] = [$"At most {MaxReferenceLength} characters."];
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
