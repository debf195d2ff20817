using System.Globalization;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Surveys;

public static class GetSurvey
{
    public static void MapGetSurvey(this RouteGroupBuilder group)
    {
        group.MapGet("/{surveyId:guid}", HandleAsync).WithName("GetSurvey");
        group.MapGet("/{surveyId:guid}/versions/{version}", GetVersionAsync).WithName("GetSurveyVersion");
    }

    /// <summary>The survey with its current content (the draft when it has unpublished changes).</summary>
    public static async Task<Results<Ok<SurveyResponse>, ProblemHttpResult>> HandleAsync(
        Guid surveyId, FeedbackDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var template = await db.SurveyTemplates.AsNoTracking().FirstOrDefaultAsync(template => template.Id == surveyId, cancellationToken);
        return template is null ? Problems.NotFound("survey", surveyId) : SurveyEndpoints.Ok(http, template);
    }

    /// <summary>A published version, as it was published (also after the survey is archived).</summary>
    /// <param name="surveyId">The survey's id.</param>
    /// <param name="version">The version number, from 1.</param>
    public static async Task<Results<Ok<SurveyVersionResponse>, ProblemHttpResult>> GetVersionAsync(
        Guid surveyId, string version, FeedbackDbContext db, CancellationToken cancellationToken)
    {
        // Taken as text so that anything but a version number is simply a version that does not exist.
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return VersionNotFound(surveyId, version);
        }

        var found = await db.SurveyVersions.AsNoTracking()
            .FirstOrDefaultAsync(candidate => candidate.SurveyId == surveyId && candidate.Number == number, cancellationToken);
        if (found is not null)
        {
            return TypedResults.Ok(SurveyVersionResponse.From(found));
        }

        return await db.SurveyTemplates.AnyAsync(template => template.Id == surveyId, cancellationToken)
            ? VersionNotFound(surveyId, version)
            : Problems.NotFound("survey", surveyId);
    }

    private static ProblemHttpResult VersionNotFound(Guid surveyId, string version) =>
        ProblemDetailsSetup.Problem(
            StatusCodes.Status404NotFound,
            $"Survey {surveyId} has no published version {(version.Length <= 10 ? version : version[..10] + "…")}.",
            type: ProblemTypes.NotFound);
}
