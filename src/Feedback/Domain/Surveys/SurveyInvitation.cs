using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>
/// An invitation to answer a published survey version once, through its link, before it expires. The link's token is
/// not stored: it is derived from the invitation's id with a server key (see <c>SurveyLinks</c>), so the database
/// holds nothing that would let its reader answer in a customer's name.
/// </summary>
public sealed class SurveyInvitation : ITenantOwned
{
    public const int MaxBranchLength = SurveySubmission.MaxBranchLength;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    private SurveyInvitation()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid SurveyId { get; private init; }

    /// <summary>The published version the customer will answer: the latest when the invitation was made.</summary>
    public int SurveyVersion { get; private init; }

    public Guid? CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public InvitationChannel Channel { get; private init; }

    /// <summary>The language the page is shown in: one every question of the version has a text in.</summary>
    public string Language { get; private init; } = "";

    public InvitationReason Reason { get; private init; }

    /// <summary>The purchase, service visit or complaint that caused it; null for a manual invitation.</summary>
    public Guid? SourceId { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public Guid? ResponseId { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): two answers racing through the same link cannot both be saved.</summary>
    public uint Version { get; private set; }

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        RespondedAt is not null ? InvitationStatus.Responded
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Pending;

    /// <param name="version">A published version that applies to <paramref name="branch"/>; checked here as well.</param>
    public static SurveyInvitation Create(
        SurveyVersion version,
        Guid? customerId,
        string branch,
        InvitationChannel channel,
        string? language,
        InvitationReason reason,
        Guid? sourceId,
        TimeSpan lifetime,
        DateTimeOffset now)
    {
        var trimmed = version.EnsureFor(branch);

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new DomainException("invalid-lifetime", $"An invitation lasts from a minute to {MaxLifetime.Days} days.");
        }

        return new SurveyInvitation
        {
            Id = Guid.CreateVersion7(now),
            TenantId = version.TenantId,
            SurveyId = version.SurveyId,
            SurveyVersion = version.Number,
            CustomerId = customerId,
            Branch = trimmed,
            Channel = channel,
            Language = LanguageFor(version, language),
            Reason = reason,
            SourceId = sourceId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    /// <summary>
    /// The language asked for when every question of the version has a text in it, else the version's default: a page
    /// mixing two languages would be worse than one the customer did not choose.
    /// </summary>
    public static string LanguageFor(SurveyVersion version, string? wanted)
    {
        ArgumentNullException.ThrowIfNull(version);
        var match = wanted is null ? null : version.Questions
            .SelectMany(question => question.Text.Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(language => string.Equals(language, wanted.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is not null && version.Questions.All(question => question.Text.ContainsKey(match)) ? match : version.DefaultLanguage;
    }

    /// <summary>Marks the invitation answered by the response; a second answer or a late one is refused.</summary>
    public void Answer(Guid responseId, DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case InvitationStatus.Responded:
                throw new DomainException("invitation-used", "This survey link has already been answered.", DomainErrorKind.Conflict);
            case InvitationStatus.Expired:
                throw new DomainException("invitation-expired", "This survey link has expired.", DomainErrorKind.Conflict);
        }

        RespondedAt = now;
        ResponseId = responseId;
    }

    /// <summary>Ends a pending invitation now (the customer was erased): its link then shows the expired page.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        if (StatusAt(now) == InvitationStatus.Pending)
        {
            ExpiresAt = now;
        }
    }
}
