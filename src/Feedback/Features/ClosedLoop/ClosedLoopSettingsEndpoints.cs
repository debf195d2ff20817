using CustomerPlatform.Feedback.Domain.ClosedLoop;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.ClosedLoop;

/// <summary>
/// <c>/closed-loop</c> and <c>/surveys/{surveyId}/closed-loop</c>: the business's default and a survey's override of
/// when a poor score opens a complaint. Off until the business turns it on.
/// </summary>
public static class ClosedLoopSettingsEndpoints
{
    public static void MapClosedLoopSettings(this RouteGroupBuilder feedback)
    {
        var business = feedback.MapGroup("/closed-loop").WithTags("Closed loop");
        business.MapGet("", GetBusinessAsync).WithName("GetClosedLoopSettings")
            .WithSummary("The business's closed-loop settings, with their ETag once set; off until set.");
        business.MapPut("", PutBusinessAsync).WithName("SetClosedLoopSettings").RequiresIfMatch()
            .WithSummary("Sets the business's closed-loop settings; once set, needs If-Match; not with a branch-restricted key.");

        var survey = feedback.MapGroup("/surveys/{surveyId:guid}/closed-loop").WithTags("Closed loop");
        survey.MapGet("", GetSurveyAsync).WithName("GetSurveyClosedLoopSettings")
            .WithSummary("The closed-loop settings in force for the survey: its override, else the business's default.");
        survey.MapPut("", PutSurveyAsync).WithName("SetSurveyClosedLoopSettings").RequiresIfMatch()
            .WithSummary("Sets the survey's override; once set, needs If-Match; not with a branch-restricted key.");
        survey.MapDelete("", DeleteSurveyAsync).WithName("DeleteSurveyClosedLoopSettings").RequiresIfMatch()
            .WithSummary("Removes the survey's override, so the business's default applies; needs If-Match when there is one.");
    }

    public static async Task<Ok<ClosedLoopSettingsResponse>> GetBusinessAsync(
        FeedbackDbContext db, TenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(db, Guid.Empty, cancellationToken);
        return Ok(http, null, row, row is null ? ClosedLoopSource.PlatformDefault : ClosedLoopSource.Business, tenant.TenantId);
    }

    /// <summary>Replaces the business's default: 400 with field errors, 403 for a branch-restricted key, 428/412 once set.</summary>
    public static Task<Results<Ok<ClosedLoopSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutBusinessAsync(
        ClosedLoopSettingsRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
        ReplaceAsync(null, request, db, tenant, clock, http, cancellationToken);

    /// <summary>The survey's override, else the business's default, else the platform default (off); 404 for an unknown survey.</summary>
    public static async Task<Results<Ok<ClosedLoopSettingsResponse>, ProblemHttpResult>> GetSurveyAsync(
        Guid surveyId, FeedbackDbContext db, TenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (!await db.SurveyTemplates.AnyAsync(template => template.Id == surveyId, cancellationToken))
        {
            return Problems.NotFound("survey", surveyId);
        }

        if (await ReadAsync(db, surveyId, cancellationToken) is { } own)
        {
            return Ok(http, surveyId, own, ClosedLoopSource.Survey, tenant.TenantId);
        }

        var fallback = await ReadAsync(db, Guid.Empty, cancellationToken);
        // No ETag: the survey has no override to guard; a PUT creates one without If-Match.
        return TypedResults.Ok(ClosedLoopSettingsResponse.From(
            surveyId, fallback ?? ClosedLoopSetting.PlatformDefault(tenant.TenantId), fallback is null ? ClosedLoopSource.PlatformDefault : ClosedLoopSource.Business));
    }

    /// <summary>Replaces the survey's override: 404 unknown survey, 400 field errors, 403 branch-restricted key, 428/412 once set.</summary>
    public static async Task<Results<Ok<ClosedLoopSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutSurveyAsync(
        Guid surveyId, ClosedLoopSettingsRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!await db.SurveyTemplates.AnyAsync(template => template.Id == surveyId, cancellationToken))
        {
            return Problems.NotFound("survey", surveyId);
        }

        return await ReplaceAsync(surveyId, request, db, tenant, clock, http, cancellationToken);
    }

    /// <summary>Removes the survey's override (204, also when it had none): 404 unknown survey, 403 branch-restricted key, 428/412 when it has one.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteSurveyAsync(
        Guid surveyId, FeedbackDbContext db, TenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (!await db.SurveyTemplates.AnyAsync(template => template.Id == surveyId, cancellationToken))
        {
            return Problems.NotFound("survey", surveyId);
        }

        if (ForbiddenFor(tenant) is { } forbidden)
        {
            return forbidden;
        }

        var row = await db.ClosedLoopSettings.FirstOrDefaultAsync(setting => setting.SurveyId == surveyId, cancellationToken);
        if (row is null)
        {
            return TypedResults.NoContent();
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(row.Version)) is { } precondition)
        {
            return precondition;
        }

        db.ClosedLoopSettings.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The settings a response to the survey is judged by: its override, else the business's default; null when neither is set.</summary>
    internal static async Task<ClosedLoopSetting?> InForceAsync(FeedbackDbContext db, Guid surveyId, CancellationToken cancellationToken)
    {
        var rows = await db.ClosedLoopSettings.AsNoTracking()
            .Where(setting => setting.SurveyId == surveyId || setting.SurveyId == Guid.Empty)
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault(setting => setting.SurveyId == surveyId && surveyId != Guid.Empty)
            ?? rows.FirstOrDefault(setting => setting.SurveyId == Guid.Empty);
    }

    private static async Task<Results<Ok<ClosedLoopSettingsResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid? surveyId, ClosedLoopSettingsRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = Check(request);
        if (errors.Count == 0 && request.Category is { } category && !string.IsNullOrWhiteSpace(category)
            && !await ComplaintCodeLists.ExistsAsync(ComplaintCodeKind.Category, category, db, cancellationToken))
        {
            errors["category"] = [ComplaintOpening.UnknownCategory];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (ForbiddenFor(tenant) is { } forbidden)
        {
            return forbidden;
        }

        var key = surveyId ?? Guid.Empty;
        var row = await db.ClosedLoopSettings.FirstOrDefaultAsync(setting => setting.SurveyId == key, cancellationToken);
        if (row is null)
        {
            row = ClosedLoopSetting.Create(tenant.TenantId, surveyId);
            db.ClosedLoopSettings.Add(row);
        }
        else if (ETags.CheckIfMatch(http.Request, ETags.From(row.Version)) is { } precondition)
        {
            return precondition;
        }

        row.Replace(
            request.Enabled ?? false,
            request.NpsAtOrBelow ?? ClosedLoopSetting.DefaultNpsAtOrBelow,
            request.CsatAtOrBelow ?? ClosedLoopSetting.DefaultCsatAtOrBelow,
            request.Category,
            request.Severity ?? ClosedLoopSetting.DefaultSeverity,
            clock.GetUtcNow());
        // xmin is the concurrency token (a change since the read above is a 412); two first PUTs racing meet on the key (409).
        await db.SaveChangesAsync(cancellationToken);
        return Ok(http, surveyId, row, surveyId is null ? ClosedLoopSource.Business : ClosedLoopSource.Survey, tenant.TenantId);
    }

    private static Dictionary<string, string[]> Check(ClosedLoopSettingsRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.NpsAtOrBelow is < 0 or > 10)
        {
            errors["npsAtOrBelow"] = ["A whole number from 0 to 10."];
        }

        if (request.CsatAtOrBelow is < 1 or > 5)
        {
            errors["csatAtOrBelow"] = ["A whole number from 1 to 5."];
        }

        if (request.Category is { } category && (category.Trim().Length == 0 || category.Trim().Length > Complaint.MaxCodeLength))
        {
            errors["category"] = [$"A category code of 1 to {Complaint.MaxCodeLength} characters."];
        }
        else if (request.Enabled == true && request.Category is null)
        {
            errors["category"] = ["The category of the complaints to open is required when enabled."];
        }

        return errors;
    }

    // The settings decide which customers get a case; they are the whole business's, like the complaint targets.
    private static ProblemHttpResult? ForbiddenFor(TenantContext tenant) => tenant.Branch is null ? null
        : ProblemDetailsSetup.Problem(
            StatusCodes.Status403Forbidden,
            "A branch-restricted key cannot change the business's closed-loop settings.",
            type: ProblemTypes.Forbidden);

    private static Task<ClosedLoopSetting?> ReadAsync(FeedbackDbContext db, Guid surveyId, CancellationToken cancellationToken) =>
        db.ClosedLoopSettings.AsNoTracking().FirstOrDefaultAsync(setting => setting.SurveyId == surveyId, cancellationToken);

    private static Ok<ClosedLoopSettingsResponse> Ok(HttpContext http, Guid? surveyId, ClosedLoopSetting? row, ClosedLoopSource source, Guid tenantId)
    {
        if (row is not null)
        {
            http.Response.Headers.ETag = ETags.From(row.Version);
        }

        return TypedResults.Ok(ClosedLoopSettingsResponse.From(surveyId, row ?? ClosedLoopSetting.PlatformDefault(tenantId), source));
    }
}
