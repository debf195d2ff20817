using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
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

    /// <summary>
    /// The survey a change is about, or the problem that stops it: 404 when there is no such survey in the business,
    /// 403 when the key is restricted to a branch the survey does not stay within.
    /// </summary>
    internal static async Task<(SurveyTemplate? Template, ProblemHttpResult? Problem)> FindForChangeAsync(
        FeedbackDbContext db, TenantContext tenant, Guid surveyId, CancellationToken cancellationToken)
    {
        var template = await db.SurveyTemplates.FirstOrDefaultAsync(candidate => candidate.Id == surveyId, cancellationToken);
        if (template is null)
        {
            return (null, Problems.NotFound("survey", surveyId));
        }

        return SurveyRequests.CheckBranches(tenant, template.Branches) is { } forbidden ? (null, forbidden) : (template, null);
    }

    internal static Ok<SurveyResponse> Ok(HttpContext http, SurveyTemplate template)
    {
        http.Response.Headers.ETag = ETags.From(template.Version);
        return TypedResults.Ok(SurveyResponse.From(template));
    }
}
