using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>
/// A business's policy in one area, under one title, and the bookkeeping of its versions: at most one draft and at
/// most one published version at a time. Its id and its clause keys are what measurable standards refer to.
/// </summary>
public sealed class Policy : ITenantOwned
{
    private Policy()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public string Area { get; private init; } = "";
    public string Title { get; private init; } = "";
    public PolicyStatus Status { get; private set; }

    /// <summary>The highest version number given so far.</summary>
    public int LatestVersion { get; private set; }

    /// <summary>The number of the version in force, if any.</summary>
    public int? PublishedVersion { get; private set; }

    /// <summary>The number of the draft being edited, if any.</summary>
    public int? DraftVersion { get; private set; }

    /// <summary>The review due date of the version in force: what "overdue for review" is judged by.</summary>
    public DateOnly? ReviewDueDate { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (xmin): two publications racing cannot both retire the same version.</summary>
    public uint Version { get; private set; }

    /// <summary>A new policy with version 1 as its draft.</summary>
    public static (Policy Policy, PolicyVersion Draft) Create(Guid tenantId, string area, string title, PolicyContent content, DateTimeOffset now)
    {
        var policy = new Policy
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Area = area,
            Title = title,
            Status = PolicyStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            LatestVersion = 1,
            DraftVersion = 1,
        };
        return (policy, PolicyVersion.Draft(tenantId, policy.Id, 1, content, now));
    }

    /// <summary>The next version's draft, starting from <paramref name="basis"/>'s content; 409 while a draft exists.</summary>
    public PolicyVersion StartDraft(PolicyVersion basis, DateTimeOffset now)
    {
        if (DraftVersion is { } draft)
        {
            throw new DomainException(
                "policy-draft-exists",
                $"Version {draft} is already a draft; edit it, or publish it before starting another.",
                DomainErrorKind.Conflict);
        }

        LatestVersion++;
        DraftVersion = LatestVersion;
        UpdatedAt = now;
        return PolicyVersion.Draft(TenantId, Id, LatestVersion, basis.Content, now);
    }

    /// <summary>Publishes the draft and retires <paramref name="inForce"/>, the version published until now.</summary>
    public void Publish(PolicyVersion draft, PolicyVersion? inForce, DateTimeOffset now)
    {
        draft.MarkPublished(now);
        inForce?.MarkRetired(now);
        PublishedVersion = draft.Number;
        DraftVersion = null;
        ReviewDueDate = draft.ReviewDueDate;
        Status = PolicyStatus.Published;
        UpdatedAt = now;
    }

    /// <summary>Withdraws the version in force without a replacement: the policy no longer applies.</summary>
    public void Retire(PolicyVersion inForce, DateTimeOffset now)
    {
        inForce.MarkRetired(now);
        PublishedVersion = null;
        ReviewDueDate = null;
        Status = PolicyStatus.Retired;
        UpdatedAt = now;
    }

    /// <summary>Whether the version in force was due for review before <paramref name="today"/>.</summary>
    public bool IsReviewOverdue(DateOnly today) => ReviewDueDate is { } due && due < today;
}
