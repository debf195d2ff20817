namespace CustomerPlatform.Contracts.Branches;

/// <summary>A branch as it is at one revision: what <see cref="BranchRegistered"/> and <see cref="BranchUpdated"/> carry.</summary>
public interface IBranchSnapshot
{
    /// <summary>The business the branch belongs to.</summary>
    Guid TenantId { get; }

    /// <summary>The branch's code, unique within its business, e.g. <c>north</c>; what keys, purchases and reports name.</summary>
    string Code { get; }

    /// <summary>The branch's display name.</summary>
    string Name { get; }

    /// <summary>Where the branch is, when the business gave an address.</summary>
    PostalAddress? Address { get; }

    /// <summary>IANA time zone of the branch, e.g. <c>Europe/London</c>: its opening hours and holidays are in it.</summary>
    string TimeZone { get; }

    /// <summary>When the branch is open in a normal week; a weekday not listed is closed.</summary>
    IReadOnlyList<OpeningPeriod> OpeningHours { get; }

    /// <summary>Dates the branch is closed all day.</summary>
    IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>
    /// Counts up by one with every change of the branch, so a consumer receiving events out of order keeps the
    /// newest: apply an event only when its revision is above the one held.
    /// </summary>
    int Revision { get; }
}
