using CustomerPlatform.Contracts.Feedback;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Surveys;

public static class PublishSurvey
{
    public static RouteHandlerBuilder MapPublishSurvey(this RouteGroupBuilder group) =>
        group.MapPost("/{surveyId:guid}/publish", HandleAsync).WithName("PublishSurvey");

    /// <summary>
    /// Freezes the current content as the next version (1, 2, ...) and publishes <c>SurveyPublished</c>. 409
    /// <c>survey-unchanged</c> when nothing changed since the last version, <c>survey-archived</c> once archived.
    /// </summary>
    public static async Task<Results<Created<SurveyVersionResponse>, ProblemHttpResult>> HandleAsync(
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

        var now = clock.GetUtcNow();
        var version = template.Publish(now);
        db.SurveyVersions.Add(version);
        db.EnqueueEvent(new SurveyPublished
        {
            TenantId = template.TenantId,
            SurveyId = template.Id,
            Version = version.Number,
            Kind = WireNames.Of(version.Kind),
            Branches = version.Branches,
            OccurredAt = now,
        }, now);
        // Two publishes racing both read the same version number; xmin (412) or the version's key (409) stops the second.
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(template.Version);
        return TypedResults.Created($"{SurveyEndpoints.PathOf(template.Id)}/versions/{version.Number}", SurveyVersionResponse.From(version));
    }
}
