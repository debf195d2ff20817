namespace CustomerPlatform.Standards.Domain.Compliance;

/// <summary>
/// What the business says about a compliance item: everything but its checks. <see cref="Check"/> holds the rules;
/// its errors are keyed by the request's JSON paths (<c>source.url</c>, <c>branches[1]</c>).
/// </summary>
/// <param name="NextDueAt">An explicit next due time; when null the item falls due <see cref="FrequencyMonths"/> after its last check (or creation).</param>
public sealed record ComplianceItemDetails(
    string Title,
    ComplianceCategory Category,
    string? CustomCategory,
    string SourceName,
    string? SourceSection,
    string? SourceUrl,
    string Owner,
    int? FrequencyMonths,
    DateTimeOffset? NextDueAt,
    IReadOnlyList<string> Branches,
    string? Notes)
{
    public const int MaxTitleLength = 200;
    public const int MaxCategoryLength = 100;
    public const int MaxSourceLength = 200;
    public const int MaxUrlLength = 2000;
    public const int MaxOwnerLength = 200;
    public const int MaxFrequencyMonths = 120;
    public const int MaxBranches = 100;
    public const int MaxBranchLength = 50;
    public const int MaxNotesLength = 4000;

    /// <summary>Whether two details say the same thing (records compare lists by reference, not by content).</summary>
    public bool SameAs(ComplianceItemDetails other) =>
        this with { Branches = Array.Empty<string>() } == other with { Branches = Array.Empty<string>() } && Branches.SequenceEqual(other.Branches, StringComparer.Ordinal);

    /// <summary>Every rule the details break, by field path; empty when they describe a valid item.</summary>
    public IReadOnlyDictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > MaxTitleLength)
        {
            errors["title"] = [$"A title of 1 to {MaxTitleLength} characters."];
        }

        if (!Enum.IsDefined(Category))
        {
            errors["category"] = ["consumerGuarantees, fairTrading, privacy, healthAndSafety or other."];
        }
        else if (Category == ComplianceCategory.Other && (string.IsNullOrWhiteSpace(CustomCategory) || CustomCategory.Length > MaxCategoryLength))
        {
            errors["customCategory"] = [$"The business's own category, 1 to {MaxCategoryLength} characters, is required when the category is other."];
        }
        else if (Category != ComplianceCategory.Other && CustomCategory is not null)
        {
            errors["customCategory"] = ["Only an item of category other has a custom category."];
        }

        if (string.IsNullOrWhiteSpace(SourceName) || SourceName.Length > MaxSourceLength)
        {
            errors["source.name"] = [$"The law or regulation's name, 1 to {MaxSourceLength} characters."];
        }

        if (SourceSection is { } section && (section.Length == 0 || section.Length > MaxSourceLength))
        {
            errors["source.section"] = [$"The section, 1 to {MaxSourceLength} characters, or omitted."];
        }

        if (SourceUrl is { } url && (url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)))
        {
            errors["source.url"] = [$"An absolute http or https address of at most {MaxUrlLength} characters, or omitted."];
        }

        if (string.IsNullOrWhiteSpace(Owner) || Owner.Length > MaxOwnerLength)
        {
            errors["owner"] = [$"Who is responsible, 1 to {MaxOwnerLength} characters."];
        }

        if (FrequencyMonths is < 1 or > MaxFrequencyMonths)
        {
            errors["frequencyMonths"] = [$"Every 1 to {MaxFrequencyMonths} months, or omitted with a nextDueAt."];
        }
        else if (FrequencyMonths is null && NextDueAt is null)
        {
            errors["frequencyMonths"] = ["Give a check frequency (frequencyMonths), an explicit nextDueAt, or both."];
        }

        if (Branches.Count > MaxBranches)
        {
            errors["branches"] = [$"At most {MaxBranches} branch codes; none means every branch."];
        }

        for (var index = 0; index < Branches.Count; index++)
        {
            if (Branches[index].Length is 0 or > MaxBranchLength)
            {
                errors[$"branches[{index}]"] = [$"A branch code of 1 to {MaxBranchLength} characters."];
            }
        }

        if (Notes is { Length: > MaxNotesLength })
        {
            errors["notes"] = [$"At most {MaxNotesLength} characters."];
        }

        return errors;
    }
}
