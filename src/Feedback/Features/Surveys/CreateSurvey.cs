using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Surveys;

public static class CreateSurvey
{
    public static RouteHandlerBuilder MapCreateSurvey(this RouteGroupBuilder group) =>
        group.MapPost("", HandleAsync).WithName("CreateSurvey").WithIdempotency<FeedbackDbContext>();

    /// <summary>Creates a survey template as a draft; publish it to make version 1.</summary>
    public static async Task<Results<Created<SurveyResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
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

        if (SurveyRequests.CheckBranches(tenant, content.Branches) is { } forbidden)
        {
            return forbidden;
        }

        var template = SurveyTemplate.Create(tenant.TenantId, content, clock.GetUtcNow());
        db.SurveyTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);

        http.Response.Headers.ETag = ETags.From(template.Version);
        return TypedResults.Created(SurveyEndpoints.PathOf(template.Id), SurveyResponse.From(template));
    }
}
