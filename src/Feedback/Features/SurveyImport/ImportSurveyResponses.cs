using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPlatform.Feedback.Features.SurveyImport;

public static class ImportSurveyResponses
{
    public const int MaxRows = 5000;

    // A client sending thousands of bad rows needs the first ones to fix, not a megabyte of problems.
    private const int MaxErrors = 100;

    public static RouteHandlerBuilder MapImportSurveyResponses(this RouteGroupBuilder feedback) =>
        feedback.MapPost("/surveys/{surveyId:guid}/responses/import", HandleAsync)
            .WithName("ImportSurveyResponses")
            .WithTags("Survey responses")
            .Accepts<ImportSurveyResponsesRequest>("application/json", "text/csv")
            .WithIdempotency<FeedbackDbContext>();

    /// <summary>
    /// Imports up to 5,000 survey responses (cards typed up elsewhere, another tool's export), as JSON
    /// (<c>{ version?, rows: [...] }</c>) or as <c>text/csv</c> (header <c>customerId,branch,channel,language,answeredAt,</c>
    /// then one column per question key; multiple choice as <c>a|b</c>; the version from <c>?version=</c>). Each row is
    /// checked as a response entered by hand, except that it may be older than a year. All or nothing: any bad row is a
    /// 400 naming it (<c>rows[3].answers.nps</c>, <c>line 4: answers.nps</c>) and nothing is stored. Publishes
    /// <c>FeedbackReceived</c> for every response.
    /// </summary>
    /// <param name="surveyId">The survey answered.</param>
    /// <param name="version">For CSV, the published version answered; the latest published one when absent.</param>
    public static async Task<Results<Ok<ImportSurveyResponsesResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid surveyId,
        HttpRequest request,
        FeedbackDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken,
        string? version = null)
    {
        var template = await db.SurveyTemplates.AsNoTracking().FirstOrDefaultAsync(template => template.Id == surveyId, cancellationToken);
        if (template is null)
        {
            return Problems.NotFound("survey", surveyId);
        }

        SurveySubmission.EnsureOpen(template.Status);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var isCsv = request.ContentType?.Split(';')[0].Trim().Equals("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        int? number = null;
        ImportSurveyResponsesRequest? body = null;
        string? csv = null;
        if (isCsv)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            csv = await reader.ReadToEndAsync(cancellationToken);
            if (version is not null)
            {
                number = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            }
        }
        else
        {
            try
            {
                body = await JsonSerializer.DeserializeAsync<ImportSurveyResponsesRequest>(request.Body, json.Value.SerializerOptions, cancellationToken);
            }
            catch (JsonException exception)
            {
                errors[exception.Path is { Length: > 2 } path ? path[2..] : "$"] = ["The JSON is malformed or has the wrong type here."];
                return TypedResults.ValidationProblem(errors);
            }

            number = body?.Version;
        }

        number ??= template.PublishedVersion;
        var surveyVersion = number >= 1 && number <= template.PublishedVersion
            ? await db.SurveyVersions.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.SurveyId == surveyId && candidate.Number == number, cancellationToken)
            : null;
        if (surveyVersion is null)
        {
            errors["version"] = [$"A published version of the survey, from 1 to {template.PublishedVersion}."];
            return TypedResults.ValidationProblem(errors);
        }

        var rows = isCsv ? ReadCsv(csv!, surveyVersion, errors) : ReadJson(body, errors);
        if (rows.Count > MaxRows)
        {
            errors[isCsv ? "file" : "rows"] = [$"At most {MaxRows} rows in one import."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (rows.Select(row => row.Response.Branch).FirstOrDefault(branch => branch is not null && !tenant.MayActFor(branch)) is { } otherBranch)
        {
            return Problems.OtherBranch(otherBranch);
        }

        var now = clock.GetUtcNow();
        var checkedRows = new List<(ImportedSurveyResponse Row, string Language, IReadOnlyList<SurveyAnswer> Answers)>(rows.Count);
        foreach (var row in rows)
        {
            if (errors.Count >= MaxErrors)
            {
                break;
            }

            if (Check(row, surveyVersion, now, errors) is { } valid)
            {
                checkedRows.Add(valid);
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Every entity added here is new, so scanning thousands of snapshots for changes (jsonb answers compare by
        // serialising) finds nothing and costs most of the request.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var responses = new List<SurveySubmission>(checkedRows.Count);
        foreach (var (row, language, answers) in checkedRows)
        {
            var response = SurveySubmission.Record(surveyVersion, row.CustomerId, row.Branch!, row.Channel!.Value, language, answers, row.AnsweredAt!.Value, now, imported: true);
            responses.Add(response);
            db.SurveyResponses.Add(response);
            db.EnqueueEvent(FeedbackReceivedEvents.For(response), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        FeedbackTelemetry.ResponsesRecorded.Add(responses.Count);
        responses.ForEach(FeedbackTelemetry.RecordScores);
        return TypedResults.Ok(new ImportSurveyResponsesResponse(checkedRows.Count));
    }

    private static List<ImportRow> ReadJson(ImportSurveyResponsesRequest? body, Dictionary<string, string[]> errors)
    {
        if (body?.Rows is not { Count: > 0 } rows)
        {
            errors["rows"] = [$"1 to {MaxRows} rows."];
            return [];
        }

        return [.. rows.Select((row, index) => new ImportRow(field => $"rows[{index}].{field}", row ?? new ImportedSurveyResponse(null, null, null, null, null, null)))];
    }

    private static List<ImportRow> ReadCsv(string text, SurveyVersion version, Dictionary<string, string[]> errors)
    {
        var records = SurveyCsv.Parse(text, out var problem);
        if (problem is not null)
        {
            errors["file"] = [problem];
            return [];
        }

        if (records.Count < 2)
        {
            errors["file"] = ["A header row naming the columns, then 1 to 5,000 rows."];
            return [];
        }

        return SurveyCsvRows.Read(records, version.Questions, errors);
    }

    private static (ImportedSurveyResponse, string, IReadOnlyList<SurveyAnswer>)? Check(
        ImportRow row, SurveyVersion version, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        var response = row.Response;
        var branch = response.Branch?.Trim();
        if (branch is not { Length: > 0 and <= SurveySubmission.MaxBranchLength })
        {
            errors[row.KeyOf("branch")] = [$"A branch code of 1 to {SurveySubmission.MaxBranchLength} characters."];
        }
        else if (version.Branches.Count > 0 && !version.Branches.Contains(branch, StringComparer.Ordinal))
        {
            errors[row.KeyOf("branch")] = [$"Version {version.Number} of the survey is not meant for this branch."];
        }

        if (response.Channel is null)
        {
            errors.TryAdd(row.KeyOf("channel"), ["How the response reached the business."]);
        }

        var language = response.Language?.Trim() ?? version.DefaultLanguage;
        if (!SurveyContent.IsLanguageTag(language))
        {
            errors[row.KeyOf("language")] = ["A BCP 47 language tag such as en-GB."];
        }

        if (response.AnsweredAt is not { } answeredAt)
        {
            errors.TryAdd(row.KeyOf("answeredAt"), ["When the customer answered."]);
        }
        else if (SurveySubmission.CheckImportedAnsweredAt(answeredAt, now) is { } reason)
        {
            errors[row.KeyOf("answeredAt")] = [reason];
        }

        var answerErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var answers = response.Answers is null ? null : SurveyAnswers.Read(version.Questions, response.Answers, answerErrors);
        if (response.Answers is null)
        {
            errors[row.KeyOf("answers")] = ["The answers by question key."];
        }

        foreach (var (field, messages) in answerErrors)
        {
            errors[row.KeyOf(field)] = messages;
        }

        return errors.Count > before || answers is null ? null : (response with { Branch = branch }, language, answers);
    }
}
