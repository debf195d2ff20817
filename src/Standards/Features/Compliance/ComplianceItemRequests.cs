using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Standards.Domain.Compliance;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>A compliance item's whole description: creating one, or replacing it.</summary>
/// <param name="Title">What the business calls it, 1 to 200 characters.</param>
/// <param name="Category">consumerGuarantees, fairTrading, privacy, healthAndSafety or other.</param>
/// <param name="CustomCategory">The business's own category, required with other and only then (1 to 100 characters).</param>
/// <param name="Source">The law or regulation the requirement comes from.</param>
/// <param name="Owner">Who answers for it, 1 to 200 characters.</param>
/// <param name="FrequencyMonths">Checked every so many months (1 to 120); the next check falls due that long after the last one.</param>
/// <param name="NextDueAt">An explicit next due time; required when there is no frequency. Omitted: a frequency after the last check (or now).</param>
/// <param name="Branches">Branch codes it applies to (at most 100); none or omitted means every branch.</param>
/// <param name="Notes">Anything else, at most 4000 characters.</param>
public sealed record ComplianceItemRequest(
    [property: Required, StringLength(ComplianceItemDetails.MaxTitleLength, MinimumLength = 1)] string Title,
    [property: Required] ComplianceCategory? Category,
    [property: StringLength(ComplianceItemDetails.MaxCategoryLength, MinimumLength = 1)] string? CustomCategory,
    [property: Required] ComplianceSourceRequest Source,
    [property: Required, StringLength(ComplianceItemDetails.MaxOwnerLength, MinimumLength = 1)] string Owner,
    int? FrequencyMonths,
    DateTimeOffset? NextDueAt,
    [property: MaxLength(ComplianceItemDetails.MaxBranches)] IReadOnlyList<string?>? Branches,
    [property: StringLength(ComplianceItemDetails.MaxNotesLength)] string? Notes);

/// <summary>Where a requirement comes from.</summary>
/// <param name="Name">The law or regulation's name (Consumer Guarantees Act 1993), 1 to 200 characters.</param>
/// <param name="Section">The section or clause (s 6), at most 200 characters.</param>
/// <param name="Url">A link to its text: an absolute http or https address.</param>
public sealed record ComplianceSourceRequest(
    [property: Required, StringLength(ComplianceItemDetails.MaxSourceLength, MinimumLength = 1)] string Name,
    [property: StringLength(ComplianceItemDetails.MaxSourceLength)] string? Section,
    [property: StringLength(ComplianceItemDetails.MaxUrlLength)] string? Url);

/// <summary>A check made of an item, with its evidence.</summary>
/// <param name="CheckedAt">When the check was made; not in the future. Omitted: now.</param>
/// <param name="CheckedBy">Who made it, 1 to 200 characters.</param>
/// <param name="Outcome">pass, fail or partial.</param>
/// <param name="Description">What was checked and found (the evidence), 1 to 4000 characters.</param>
/// <param name="Links">Links to the evidence (documents, photos), at most 20 absolute http or https addresses.</param>
/// <param name="NextDueAt">When the next check is due, after checkedAt; omitted: checkedAt plus the item's frequency.</param>
public sealed record ComplianceCheckRequest(
    DateTimeOffset? CheckedAt,
    [property: Required, StringLength(ComplianceCheckDetails.MaxCheckedByLength, MinimumLength = 1)] string CheckedBy,
    [property: Required] ComplianceOutcome? Outcome,
    [property: Required, StringLength(ComplianceCheckDetails.MaxDescriptionLength, MinimumLength = 1)] string Description,
    [property: MaxLength(ComplianceCheckDetails.MaxLinks)] IReadOnlyList<string?>? Links,
    DateTimeOffset? NextDueAt);
