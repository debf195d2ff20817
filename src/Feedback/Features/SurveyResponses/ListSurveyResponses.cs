using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.SurveyResponses;

public static class ListSurveyResponses
{
    public static RouteHandlerBuilder MapListSurveyResponses(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListSurveyResponses");

    public static RouteHandlerBuilder MapGetSurveyResponse(this RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSurveyResponse");

    /// <summary>The survey's responses, newest answered first; a branch-restricted key sees its own branch's only.</summary>
    /// <param name="surveyId">The survey's id.</param>
    /// <param name="branch">A branch code: only responses about it.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<SurveySubmissionPageResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid surveyId,
        FeedbackDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken,
        string? branch = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        var branchCode = branch?.Trim();
        if (branchCode is { Length: 0 or > SurveySubmission.MaxBranchLength })
        {
            errors["branch"] = [$"A branch code of 1 to {SurveySubmission.MaxBranchLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.SurveyTemplates.AnyAsync(template => template.Id == surveyId, cancellationToken))
        {
            return Problems.NotFound("survey", surveyId);
        }

        if (branchCode is not null && !tenant.MayActFor(branchCode))
        {
            return Problems.OtherBranch(branchCode);
        }

        branchCode ??= tenant.Branch;
        var query = db.SurveyResponses.AsNoTracking().Where(response => response.SurveyId == surveyId);
        if (branchCode is not null)
        {
            query = query.Where(response => response.Branch == branchCode);
        }

        if (after is { } position)
        {
            query = query.Where(response =>
                EF.Functions.LessThan(ValueTuple.Create(response.AnsweredAt, response.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query
            .OrderByDescending(response => response.AnsweredAt)
            .ThenByDescending(response => response.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].AnsweredAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new SurveySubmissionPageResponse([.. page.Select(SurveySubmissionResponse.From)], nextCursor));
    }

    /// <summary>One survey response; 404 for an unknown id (also another business's).</summary>
    /// <param name="id">The response's id.</param>
    public static async Task<Results<Ok<SurveySubmissionResponse>, ProblemHttpResult>> GetAsync(
        Guid id, FeedbackDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        var response = await db.SurveyResponses.AsNoTracking().FirstOrDefaultAsync(response => response.Id == id, cancellationToken);
        if (response is null)
        {
            return Problems.NotFound("survey response", id);
        }

        // Answers can name a customer's experience at a branch; a branch key reads its own branch's, as the list does.
        return tenant.MayActFor(response.Branch) ? TypedResults.Ok(SurveySubmissionResponse.From(response)) : Problems.OtherBranch(response.Branch);
    }
}
