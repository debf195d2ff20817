using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>
/// One numbered version of a policy. A draft may be edited; once published it never changes again (a change is the
/// next version's draft), and it is retired when a later version is published or the policy is withdrawn.
/// </summary>
public sealed class PolicyVersion : ITenantOwned
{
    private PolicyVersion()
    {
    }

    public Guid TenantId { get; private init; }
    public Guid PolicyId { get; private init; }

    /// <summary>1 for the first version, then one more for each.</summary>
    public int Number { get; private init; }

    public PolicyVersionStatus Status { get; private set; }
    public string Body { get; private set; } = "";
    public List<PolicyClause> Clauses { get; private set; } = [];
    public DateOnly EffectiveDate { get; private set; }
    public string Owner { get; private set; } = "";
    public DateOnly ReviewDueDate { get; private set; }

    /// <summary>Branch codes it applies to; empty means every branch.</summary>
    public List<string> Branches { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): the ETag, so two editors of a draft cannot overwrite each other.</summary>
    public uint Version { get; private set; }

    public PolicyContent Content => new(Body, Clauses, EffectiveDate, Owner, ReviewDueDate, Branches);

    internal static PolicyVersion Draft(Guid tenantId, Guid policyId, int number, PolicyContent content, DateTimeOffset now)
    {
        EnsureValid(content);
        var version = new PolicyVersion
        {
            TenantId = tenantId,
            PolicyId = policyId,
            Number = number,
            Status = PolicyVersionStatus.Draft,
            CreatedAt = now,
        };
        version.SetContent(content, now);
        return version;
    }

    /// <summary>Replaces a draft's content; 409 <c>policy-version-immutable</c> once it has been published.</summary>
    public void Edit(PolicyContent content, DateTimeOffset now)
    {
        if (Status != PolicyVersionStatus.Draft)
        {
            throw new DomainException(
                "policy-version-immutable",
                $"Version {Number} is {Status.ToString().ToLowerInvariant()} and can no longer change; start a new draft version to change the policy.",
                DomainErrorKind.Conflict);
        }

        EnsureValid(content);
        SetContent(content, now);
    }

    internal void MarkPublished(DateTimeOffset now)
    {
        if (Status != PolicyVersionStatus.Draft)
        {
            throw new DomainException(
                "policy-version-not-draft",
                $"Version {Number} is {Status.ToString().ToLowerInvariant()}; only a draft can be published.",
                DomainErrorKind.Conflict);
        }

        Status = PolicyVersionStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    internal void MarkRetired(DateTimeOffset now)
    {
        if (Status != PolicyVersionStatus.Published)
        {
            throw new DomainException(
                "policy-version-not-published",
                $"Version {Number} is {Status.ToString().ToLowerInvariant()}; only the published version can be retired.",
                DomainErrorKind.Conflict);
        }

        Status = PolicyVersionStatus.Retired;
        RetiredAt = now;
        UpdatedAt = now;
    }

    private void SetContent(PolicyContent content, DateTimeOffset now)
    {
        Body = content.Body;
        Clauses = [.. content.Clauses];
        EffectiveDate = content.EffectiveDate;
        Owner = content.Owner;
        ReviewDueDate = content.ReviewDueDate;
        Branches = [.. content.Branches];
        UpdatedAt = now;
    }

    // The API checks first and answers 400 with field errors; this keeps an invalid version out whoever calls.
    private static void EnsureValid(PolicyContent content)
    {
        var errors = content.Check();
        if (errors.Count > 0)
        {
            var (field, messages) = errors.First();
            throw new DomainException("invalid-policy", $"The policy is not valid: {field}: {messages[0]}");
        }
    }
}
