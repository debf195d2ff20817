using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Surveys;

public static class ArchiveSurvey
{
    public static RouteHandlerBuilder MapArchiveSurvey(this RouteGroupBuilder group) =>
        group.MapPost("/{surveyId:guid}/archive", HandleAsync).WithName("ArchiveSurvey");

    /// <summary>
    /// Retires the survey: no new invitations, no more edits or versions; its published versions stay readable.
    /// 409 <c>survey-archived</c> when it already is.
    /// </summary>
    public static async Task<Results<Ok<SurveyResponse>, ProblemHttpResult>> HandleAsync(
        Guid surveyId,
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

        template.Archive(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return SurveyEndpoints.Ok(http, template);
    }
}
