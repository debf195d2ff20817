namespace CustomerPlatform.Standards.Domain.Compliance;

/// <summary>A check as reported: the evidence, who checked, when, and what they found.</summary>
/// <param name="NextDueAt">An explicit next due time; when null it is the check's time plus the item's frequency.</param>
public sealed record ComplianceCheckDetails(
    DateTimeOffset CheckedAt,
    string CheckedBy,
    ComplianceOutcome Outcome,
    string Description,
    IReadOnlyList<string> Links,
    DateTimeOffset? NextDueAt)
{
    public const int MaxCheckedByLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxLinks = 20;
    public const int MaxLinkLength = 2000;

    /// <summary>Every rule the check breaks, by field path; a check cannot be reported before it happened.</summary>
    public IReadOnlyDictionary<string, string[]> Check(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (CheckedAt > now)
        {
            errors["checkedAt"] = ["A check is recorded once made: checkedAt cannot be in the future."];
        }

        if (string.IsNullOrWhiteSpace(CheckedBy) || CheckedBy.Length > MaxCheckedByLength)
        {
            errors["checkedBy"] = [$"Who checked, 1 to {MaxCheckedByLength} characters."];
        }

        if (!Enum.IsDefined(Outcome))
        {
            errors["outcome"] = ["pass, fail or partial."];
        }

        if (string.IsNullOrWhiteSpace(Description) || Description.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"What was checked and found, 1 to {MaxDescriptionLength} characters."];
        }

        if (Links.Count > MaxLinks)
        {
            errors["links"] = [$"At most {MaxLinks} links."];
        }

        for (var index = 0; index < Links.Count; index++)
        {
            if (Links[index].Length > MaxLinkLength || !Uri.TryCreate(Links[index], UriKind.Absolute, out var link)
                || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
            {
                errors[$"links[{index}]"] = [$"An absolute http or https address of at most {MaxLinkLength} characters."];
            }
        }

        if (NextDueAt is { } due && due <= CheckedAt)
        {
            errors["nextDueAt"] = ["The next check falls due after this one."];
        }

        return errors;
    }
}
