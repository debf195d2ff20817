using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Surveys;

/// <summary>The survey template routes, and what their handlers share.</summary>
public static class SurveyEndpoints
{
    public const string BasePath = "/api/v1/feedback/surveys";

    public static void MapSurveys(this RouteGroupBuilder feedback)
    {
        var surveys = feedback.MapGroup("/surveys").WithTags("Surveys");
        surveys.MapCreateSurvey();
        surveys.MapListSurveys();
        surveys.MapGetSurvey();
        surveys.MapUpdateSurvey();
        surveys.MapPublishSurvey();
        surveys.MapArchiveSurvey();
    }

    internal static string PathOf(Guid surveyId) => $"{BasePath}/{surveyId}";

    internal static Task<SurveyTemplate?> FindAsync(FeedbackDbContext db, Guid surveyId, CancellationToken cancellationToken) =>
        db.SurveyTemplates.FirstOrDefaultAsync(template => template.Id == surveyId, cancellationToken);

    internal static Ok<SurveyResponse> Ok(HttpContext http, SurveyTemplate template)
    {
        http.Response.Headers.ETag = ETags.From(template.Version);
        return TypedResults.Ok(SurveyResponse.From(template));
    }
}
