using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Gateway.Domain;

namespace CustomerPlatform.Gateway.Features.Branches;

/// <summary>The details of a branch a business sends, on registration and on update.</summary>
public interface IBranchFields
{
    string Name { get; }
    PostalAddress? Address { get; }
    string TimeZone { get; }
    IReadOnlyList<OpeningPeriod?>? OpeningHours { get; }
    IReadOnlyList<Holiday?>? Holidays { get; }
}

/// <summary>Registers a branch.</summary>
/// <param name="Code">Unique within the business, e.g. <c>north</c>: letters, digits, '-', '_', '.'; what keys and purchases name.</param>
/// <param name="Name">The branch's display name.</param>
/// <param name="Address">Where it is.</param>
/// <param name="TimeZone">IANA time zone, e.g. <c>Europe/London</c>.</param>
/// <param name="OpeningHours">When it is open in a normal week; a weekday not listed is closed.</param>
/// <param name="Holidays">Dates it is closed all day.</param>
public sealed record RegisterBranchRequest(
    [property: Required, StringLength(BranchDetails.MaxCodeLength, MinimumLength = 1)] string Code,
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    PostalAddress? Address,
    [property: Required, StringLength(64)] string TimeZone,
    IReadOnlyList<OpeningPeriod?>? OpeningHours,
    IReadOnlyList<Holiday?>? Holidays) : IBranchFields;

/// <summary>Replaces a branch's details (send them all: what is left out is cleared).</summary>
/// <param name="Name">The branch's display name.</param>
/// <param name="Address">Where it is.</param>
/// <param name="TimeZone">IANA time zone, e.g. <c>Europe/London</c>.</param>
/// <param name="OpeningHours">When it is open in a normal week; a weekday not listed is closed.</param>
/// <param name="Holidays">Dates it is closed all day.</param>
public sealed record UpdateBranchRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    PostalAddress? Address,
    [property: Required, StringLength(64)] string TimeZone,
    IReadOnlyList<OpeningPeriod?>? OpeningHours,
    IReadOnlyList<Holiday?>? Holidays) : IBranchFields;

/// <summary>Whether a branch still trades.</summary>
public enum BranchStatus
{
    Open,
    Closed,
}

/// <summary>A branch; its ETag is its <paramref name="Revision"/>.</summary>
public sealed record BranchResponse(
    string Code,
    string Name,
    PostalAddress? Address,
    string TimeZone,
    IReadOnlyList<OpeningPeriod> OpeningHours,
    IReadOnlyList<Holiday> Holidays,
    BranchStatus Status,
    int Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt)
{
    public static BranchResponse From(Branch branch) => new(
        branch.Code,
        branch.Name,
        branch.Address,
        branch.TimeZone,
        branch.OpeningHours,
        branch.Holidays,
        branch.IsClosed ? BranchStatus.Closed : BranchStatus.Open,
        branch.Revision,
        branch.CreatedAt,
        branch.UpdatedAt,
        branch.ClosedAt);
}

/// <summary>The business's branches, by code.</summary>
public sealed record BranchListResponse(IReadOnlyList<BranchResponse> Items);
