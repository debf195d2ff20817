using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Surveys;

public static class UpdateSurvey
{
    public static RouteHandlerBuilder MapUpdateSurvey(this RouteGroupBuilder group) =>
        group.MapPut("/{surveyId:guid}", HandleAsync).WithName("UpdateSurvey").RequiresIfMatch();

    /// <summary>
    /// Replaces the draft content (a field left out is cleared); needs <c>If-Match</c> with the ETag last read.
    /// Published versions are untouched: the change is a new draft until it is published.
    /// </summary>
    public static async Task<Results<Ok<SurveyResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid surveyId,
        SurveyTemplateRequest request,
        FeedbackDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (SurveyRequests.Read(request, errors) is not { } content)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (template, problem) = await SurveyEndpoints.FindForChangeAsync(db, tenant, surveyId, cancellationToken);
        if (template is null)
        {
            return problem!;
        }

        // The branches it would have, too: a branch key can neither take nor give away a survey.
        if (SurveyRequests.CheckBranches(tenant, content.Branches) is { } forbidden)
        {
            return forbidden;
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(template.Version)) is { } precondition)
        {
            return precondition;
        }

        if (template.Replace(content, clock.GetUtcNow()))
        {
            // xmin is the concurrency token: a change committed since the read above makes this a 412.
            await db.SaveChangesAsync(cancellationToken);
        }

        return SurveyEndpoints.Ok(http, template);
    }
}
