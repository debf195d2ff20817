using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.SurveyResponses;

/// <summary>A survey response entered by staff (from a paper card, a phone call, a letter).</summary>
/// <param name="Version">The published version answered; the latest published one when absent.</param>
/// <param name="CustomerId">The customer who answered, when known.</param>
/// <param name="Branch">Code of the branch the response is about.</param>
/// <param name="Channel">How the response reached the business.</param>
/// <param name="Language">The BCP 47 language it was answered in; the version's default language when absent.</param>
/// <param name="AnsweredAt">When the customer answered; now when absent.</param>
/// <param name="Answers">The answers by question key: a whole number (nps, csat, ces, rating), an option key (singleChoice), an array of option keys (multipleChoice) or a text (freeText).</param>
public sealed record RecordSurveyResponseRequest(
    int? Version,
    Guid? CustomerId,
    [property: Required, StringLength(SurveySubmission.MaxBranchLength, MinimumLength = 1)] string Branch,
    [property: Required] ResponseChannel? Channel,
    string? Language,
    DateTimeOffset? AnsweredAt,
    [property: Required] Dictionary<string, JsonElement>? Answers);

public static class RecordSurveyResponse
{
    public static RouteHandlerBuilder MapRecordSurveyResponse(this RouteGroupBuilder group) =>
        group.MapPost("", HandleAsync).WithName("RecordSurveyResponse").WithIdempotency<FeedbackDbContext>();

    /// <summary>
    /// Records a response to a published version of the survey and publishes <c>FeedbackReceived</c> for it. 409
    /// <c>survey-not-published</c> before the first version, <c>survey-archived</c> once archived; 422
    /// <c>survey-not-for-branch</c> when the version names other branches.
    /// </summary>
    public static async Task<Results<Created<SurveySubmissionResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid surveyId,
        RecordSurveyResponseRequest request,
        FeedbackDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var template = await db.SurveyTemplates.AsNoTracking().FirstOrDefaultAsync(template => template.Id == surveyId, cancellationToken);
        if (template is null)
        {
            return Problems.NotFound("survey", surveyId);
        }

        if (!tenant.MayActFor(request.Branch))
        {
            return Problems.OtherBranch(request.Branch);
        }

        SurveySubmission.EnsureOpen(template.Status);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = request.Version ?? template.PublishedVersion;
        var version = number >= 1 && number <= template.PublishedVersion
            ? await db.SurveyVersions.AsNoTracking()
                .FirstOrDefaultAsync(candidate => candidate.SurveyId == surveyId && candidate.Number == number, cancellationToken)
            : null;
        if (version is null)
        {
            errors["version"] = [$"A published version of the survey, from 1 to {template.PublishedVersion}."];
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var language = request.Language?.Trim() ?? version.DefaultLanguage;
        if (!SurveyContent.IsLanguageTag(language))
        {
            errors["language"] = ["A BCP 47 language tag such as en-GB."];
        }

        var answeredAt = request.AnsweredAt ?? now;
        if (SurveySubmission.CheckAnsweredAt(answeredAt, now) is { } reason)
        {
            errors["answeredAt"] = [reason];
        }

        // Validation guarantees Answers and Channel are present before the handler runs.
        var answers = SurveyAnswers.Read(version.Questions, request.Answers!, errors);
        if (errors.Count > 0 || answers is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var response = SurveySubmission.Record(version, request.CustomerId, request.Branch, request.Channel!.Value, language, answers, answeredAt, now);
        db.SurveyResponses.Add(response);
        db.EnqueueEvent(SurveyResponseEvents.FeedbackReceivedFor(response), now);
        await db.SaveChangesAsync(cancellationToken);
        FeedbackTelemetry.ResponsesRecorded.Add(1);
        return TypedResults.Created(SurveyResponseEndpoints.PathOf(response.Id), SurveySubmissionResponse.From(response));
    }
}
