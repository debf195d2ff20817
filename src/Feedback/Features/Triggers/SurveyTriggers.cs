using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Features.Surveys;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary><c>GET/PUT /surveys/{surveyId}/triggers</c>: when a survey invites customers by itself.</summary>
public static class SurveyTriggers
{
    public static void MapSurveyTriggers(this RouteGroupBuilder feedback)
    {
        var triggers = feedback.MapGroup("/surveys/{surveyId:guid}/triggers").WithTags("Survey triggers");
        triggers.MapGet("", GetAsync).WithName("GetSurveyTriggers");
        triggers.MapPut("", PutAsync).WithName("SetSurveyTriggers").RequiresIfMatch();
    }

    /// <summary>The survey's triggers (none until set), with the ETag to send as <c>If-Match</c> when changing them.</summary>
    public static async Task<Results<Ok<SurveyTriggersResponse>, ProblemHttpResult>> GetAsync(
        Guid surveyId, FeedbackDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!await db.SurveyTemplates.AnyAsync(template => template.Id == surveyId, cancellationToken))
        {
            return Problems.NotFound("survey", surveyId);
        }

        var set = await db.SurveyTriggers.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.SurveyId == surveyId, cancellationToken);
        return Ok(http, surveyId, set);
    }

    /// <summary>
    /// Replaces the survey's triggers. Once it has some, needs <c>If-Match</c> with the ETag last read (428 without,
    /// 412 when stale). Rows already scheduled keep the settings they were made with. 409 <c>survey-archived</c>.
    /// </summary>
    public static async Task<Results<Ok<SurveyTriggersResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        Guid surveyId,
        SurveyTriggersRequest request,
        FeedbackDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (template, problem) = await SurveyEndpoints.FindForChangeAsync(db, tenant, surveyId, cancellationToken);
        if (template is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        if (SurveyTriggerRules.Read(request, template.Branches, errors) is not { } triggers)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (template.Status == SurveyStatus.Archived)
        {
            throw new DomainException("survey-archived", "The survey is archived; it can no longer invite anyone.", DomainErrorKind.Conflict);
        }

        var now = clock.GetUtcNow();
        var set = await db.SurveyTriggers.FirstOrDefaultAsync(candidate => candidate.SurveyId == surveyId, cancellationToken);
        if (set is null)
        {
            set = SurveyTriggerSet.Create(template.TenantId, surveyId, triggers, now);
            db.SurveyTriggers.Add(set);
        }
        else
        {
            if (ETags.CheckIfMatch(http.Request, ETags.From(set.Version)) is { } precondition)
            {
                return precondition;
            }

            set.Replace(triggers, now);
        }

        // xmin is the concurrency token: a change committed since the read above makes this a 412.
        await db.SaveChangesAsync(cancellationToken);
        return Ok(http, surveyId, set);
    }

    private static Ok<SurveyTriggersResponse> Ok(HttpContext http, Guid surveyId, SurveyTriggerSet? set)
    {
        if (set is not null)
        {
            http.Response.Headers.ETag = ETags.From(set.Version);
        }

        return TypedResults.Ok(SurveyTriggersResponse.From(surveyId, set));
    }
}
