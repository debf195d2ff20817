using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Surveys;

public static class ListSurveys
{
    public static RouteHandlerBuilder MapListSurveys(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListSurveys");

    /// <summary>The business's survey templates, oldest first; with <c>branch</c>, only those that apply to it.</summary>
    /// <param name="branch">A branch code: the surveys naming it, and those naming no branch (meant for every branch).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<SurveyPageResponse>, ValidationProblem>> HandleAsync(
        FeedbackDbContext db, CancellationToken cancellationToken, string? branch = null, string? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        var branchCode = branch?.Trim();
        if (branchCode is { Length: 0 or > SurveyContent.MaxBranchLength })
        {
            errors["branch"] = [$"A branch code of 1 to {SurveyContent.MaxBranchLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.SurveyTemplates.AsNoTracking();
        if (branchCode is not null)
        {
            query = query.Where(template => template.Branches.Count == 0 || template.Branches.Contains(branchCode));
        }

        if (after is { } position)
        {
            query = query.Where(template =>
                EF.Functions.GreaterThan(ValueTuple.Create(template.CreatedAt, template.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query
            .OrderBy(template => template.CreatedAt)
            .ThenBy(template => template.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].CreatedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new SurveyPageResponse([.. page.Select(SurveyResponse.From)], nextCursor));
    }
}
