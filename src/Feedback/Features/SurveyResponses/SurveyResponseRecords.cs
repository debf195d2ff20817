using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.SurveyResponses;

/// <summary>A survey response: the answers given to one published version, and its standard scores.</summary>
/// <param name="Id">The response's id.</param>
/// <param name="SurveyId">The survey answered.</param>
/// <param name="Version">The published version answered; its questions give the answers their meaning.</param>
/// <param name="CustomerId">The customer who answered, when known.</param>
/// <param name="Branch">The branch the response is about.</param>
/// <param name="Channel">How the response reached the business.</param>
/// <param name="Language">The language the survey was answered in.</param>
/// <param name="Answers">The answers, in the version's question order; free text is absent once the customer is erased.</param>
/// <param name="Nps">The NPS answer (0-10), when the version asks one.</param>
/// <param name="Csat">The CSAT answer (1-5), when the version asks one.</param>
/// <param name="Ces">The CES answer (1-7), when the version asks one.</param>
/// <param name="AnsweredAt">When the customer answered.</param>
/// <param name="RecordedAt">When it was entered.</param>
public sealed record SurveySubmissionResponse(
    Guid Id,
    Guid SurveyId,
    int Version,
    Guid? CustomerId,
    string Branch,
    ResponseChannel Channel,
    string Language,
    IReadOnlyList<SurveyAnswer> Answers,
    int? Nps,
    int? Csat,
    int? Ces,
    DateTimeOffset AnsweredAt,
    DateTimeOffset RecordedAt)
{
    public static SurveySubmissionResponse From(SurveySubmission response) => new(
        response.Id,
        response.SurveyId,
        response.SurveyVersion,
        response.CustomerId,
        response.Branch,
        response.Channel,
        response.Language,
        response.Answers,
        response.Nps,
        response.Csat,
        response.Ces,
        response.AnsweredAt,
        response.RecordedAt);
}

/// <summary>A page of survey responses, newest answered first.</summary>
public sealed record SurveySubmissionPageResponse(IReadOnlyList<SurveySubmissionResponse> Items, string? NextCursor);
