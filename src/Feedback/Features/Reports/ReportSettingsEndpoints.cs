using CustomerPlatform.Feedback.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Feedback.Features.Reports;

/// <summary>The business's report settings.</summary>
/// <param name="MinimumGroupSize">Groups with fewer answers show counts only, their scores withheld; 1 to 100, default 5.</param>
public sealed record ReportSettingsRequest(int? MinimumGroupSize);

/// <summary>The business's report settings.</summary>
/// <param name="MinimumGroupSize">Groups with fewer answers show counts only, their scores withheld.</param>
public sealed record ReportSettingsResponse(int MinimumGroupSize);

public static class ReportSettingsEndpoints
{
    public static void MapReportSettings(this RouteGroupBuilder group)
    {
        group.MapGet("/reports/settings", GetAsync).WithName("GetFeedbackReportSettings");
        group.MapPut("/reports/settings", PutAsync).WithName("PutFeedbackReportSettings");
    }

    public static async Task<Ok<ReportSettingsResponse>> GetAsync(FeedbackDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReportSettingsResponse(await MinimumGroupSizeAsync(db, cancellationToken)));

    /// <summary>Replaces the settings. Business-wide, so a branch-restricted key may not change them.</summary>
    public static async Task<Results<Ok<ReportSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        ReportSettingsRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.MinimumGroupSize is not { } size || size < 1 || size > ReportSettings.MaxMinimumGroupSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["minimumGroupSize"] = [$"A whole number from 1 to {ReportSettings.MaxMinimumGroupSize}."],
            });
        }

        if (tenant.Branch is not null)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden,
                "This API key is restricted to one branch.",
                "The report settings are the whole business's; a branch-restricted key cannot change them.",
                ProblemTypes.Forbidden);
        }

        var settings = await db.ReportSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new ReportSettings { TenantId = tenant.TenantId };
            db.ReportSettings.Add(settings);
        }

        settings.MinimumGroupSize = size;
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ReportSettingsResponse(size));
    }

    internal static async Task<int> MinimumGroupSizeAsync(FeedbackDbContext db, CancellationToken cancellationToken) =>
        await db.ReportSettings.Select(settings => (int?)settings.MinimumGroupSize).SingleOrDefaultAsync(cancellationToken)
        ?? ReportSettings.DefaultMinimumGroupSize;
}
