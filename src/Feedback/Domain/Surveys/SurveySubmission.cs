using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>
/// A completed survey (the API's "response"), pinned to the published version it answered so later versions never
/// change what its answers mean. The standard scores are copied out of the answers for counting.
/// </summary>
public sealed class SurveySubmission : ITenantOwned
{
    public const int MaxBranchLength = 50;

    // Cards entered a little ahead of the server's clock are fine; anything further is a typing error.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How long after answering staff may still enter a response by hand.</summary>
    public static readonly TimeSpan MaxEntryDelay = TimeSpan.FromDays(366);

    private SurveySubmission()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid SurveyId { get; private init; }
    public int SurveyVersion { get; private init; }
    public Guid? CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public ResponseChannel Channel { get; private init; }
    public string Language { get; private init; } = "";
    public List<SurveyAnswer> Answers { get; private set; } = [];
    public int? Nps { get; private init; }
    public int? Csat { get; private init; }
    public int? Ces { get; private init; }
    public DateTimeOffset AnsweredAt { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>Whether a response can be taken for the survey now: it has a published version and is not archived.</summary>
    public static void EnsureOpen(SurveyStatus status)
    {
        if (status == SurveyStatus.Draft)
        {
            throw new DomainException("survey-not-published", "The survey has no published version yet; publish it before entering responses.", DomainErrorKind.Conflict);
        }

        if (status == SurveyStatus.Archived)
        {
            throw new DomainException("survey-archived", "The survey is archived; it takes no more responses.", DomainErrorKind.Conflict);
        }
    }

    /// <summary>Whether the time is one the response can have been given at; null when it is, else the reason.</summary>
    // Not bounded by the version's publication: cards are often printed and handed out before the survey is entered here.
    public static string? CheckAnsweredAt(DateTimeOffset answeredAt, DateTimeOffset now) =>
        answeredAt > now + ClockSkew ? "Not in the future."
        : answeredAt < now - MaxEntryDelay ? $"Within the last {MaxEntryDelay.Days} days; older responses belong to an import."
        : null;

    /// <summary>The same for an imported response: any age, as cards and other tools' exports can be old, but not in the future.</summary>
    public static string? CheckImportedAnsweredAt(DateTimeOffset answeredAt, DateTimeOffset now) =>
        answeredAt > now + ClockSkew ? "Not in the future." : null;

    public static SurveySubmission Record(
        SurveyVersion version,
        Guid? customerId,
        string branch,
        ResponseChannel channel,
        string language,
        IReadOnlyList<SurveyAnswer> answers,
        DateTimeOffset answeredAt,
        DateTimeOffset now,
        bool imported = false)
    {
        var trimmed = version.EnsureFor(branch);

        if ((imported ? CheckImportedAnsweredAt(answeredAt, now) : CheckAnsweredAt(answeredAt, now)) is { } reason)
        {
            throw new DomainException("invalid-answered-at", reason);
        }

        return new SurveySubmission
        {
            Id = Guid.CreateVersion7(now),
            TenantId = version.TenantId,
            SurveyId = version.SurveyId,
            SurveyVersion = version.Number,
            CustomerId = customerId,
            Branch = trimmed,
            Channel = channel,
            Language = language,
            Answers = [.. answers],
            Nps = ScoreOf(answers, QuestionType.Nps),
            Csat = ScoreOf(answers, QuestionType.Csat),
            Ces = ScoreOf(answers, QuestionType.Ces),
            AnsweredAt = answeredAt.ToUniversalTime(),
            RecordedAt = now,
        };
    }

    /// <summary>Clears what the customer wrote in their own words; scores and choices are not about them and stay.</summary>
    public bool EraseFreeText()
    {
        if (!Answers.Any(answer => answer.Text is not null))
        {
            return false;
        }

        Answers = [.. Answers.Select(answer => answer with { Text = null })];
        return true;
    }

    // A custom survey may ask a standard question more than once; the first one answered is its headline score.
    private static int? ScoreOf(IReadOnlyList<SurveyAnswer> answers, QuestionType type) =>
        answers.FirstOrDefault(answer => answer.Type == type)?.Score;
}
