using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>
/// A business's survey: the draft content it edits, and the numbered versions it has published from it. Published
/// versions never change; an edit after publishing is a new draft until it is published as the next version.
/// </summary>
public sealed class SurveyTemplate : ITenantOwned
{
    private SurveyTemplate()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public string Name { get; private set; } = "";
    public SurveyKind Kind { get; private set; }
    public string DefaultLanguage { get; private set; } = "";
    public List<SurveyQuestion> Questions { get; private set; } = [];

    /// <summary>Branch codes it applies to; empty means every branch.</summary>
    public List<string> Branches { get; private set; } = [];

    /// <summary>The number of the latest published version; 0 before the first.</summary>
    public int PublishedVersion { get; private set; }

    /// <summary>Whether the draft differs from the latest published version (always true before the first).</summary>
    public bool HasUnpublishedChanges { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): the ETag, so two editors cannot overwrite each other.</summary>
    public uint Version { get; private set; }

    public SurveyStatus Status => ArchivedAt is not null ? SurveyStatus.Archived
        : PublishedVersion == 0 ? SurveyStatus.Draft
        : SurveyStatus.Published;

    public SurveyContent Content => new(Name, Kind, DefaultLanguage, Questions, Branches);

    /// <summary>Whether the template is meant for the branch (one naming no branches is meant for all).</summary>
    public bool AppliesTo(string branch) => Branches.Count == 0 || Branches.Contains(branch.Trim(), StringComparer.Ordinal);

    public static SurveyTemplate Create(Guid tenantId, SurveyContent content, DateTimeOffset now)
    {
        EnsureValid(content);
        var template = new SurveyTemplate
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CreatedAt = now,
            HasUnpublishedChanges = true,
        };
        template.SetContent(content, now);
        return template;
    }

    /// <summary>Replaces the draft; false (and nothing changes) when the content is the same as it is.</summary>
    public bool Replace(SurveyContent content, DateTimeOffset now)
    {
        EnsureNotArchived();
        EnsureValid(content);
        if (content.SameAs(Content))
        {
            return false;
        }

        SetContent(content, now);
        HasUnpublishedChanges = true;
        return true;
    }

    /// <summary>Freezes the draft as the next version.</summary>
    public SurveyVersion Publish(DateTimeOffset now)
    {
        EnsureNotArchived();
        if (!HasUnpublishedChanges)
        {
            throw new DomainException(
                "survey-unchanged",
                $"Version {PublishedVersion} already holds this content; change the draft before publishing again.",
                DomainErrorKind.Conflict);
        }

        PublishedVersion++;
        HasUnpublishedChanges = false;
        UpdatedAt = now;
        return SurveyVersion.Freeze(this, PublishedVersion, now);
    }

    /// <summary>Retires the survey: no new invitations; its published versions stay readable.</summary>
    public void Archive(DateTimeOffset now)
    {
        EnsureNotArchived();
        ArchivedAt = now;
        UpdatedAt = now;
    }

    private void SetContent(SurveyContent content, DateTimeOffset now)
    {
        Name = content.Name;
        Kind = content.Kind;
        DefaultLanguage = content.DefaultLanguage;
        Questions = [.. content.Questions];
        Branches = [.. content.Branches];
        UpdatedAt = now;
    }

    private void EnsureNotArchived()
    {
        if (ArchivedAt is not null)
        {
            throw new DomainException("survey-archived", "The survey is archived; it can no longer change.", DomainErrorKind.Conflict);
        }
    }

    // The API checks first and answers 400 with field errors; this keeps an invalid survey out whoever calls.
    private static void EnsureValid(SurveyContent content)
    {
        var errors = content.Check();
        if (errors.Count > 0)
        {
            var (field, messages) = errors.First();
            throw new DomainException("invalid-survey", $"The survey is not valid: {field}: {messages[0]}");
        }
    }
}
