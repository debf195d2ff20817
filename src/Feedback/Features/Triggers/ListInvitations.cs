using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Domain.Triggers;
using CustomerPlatform.Feedback.Features.Invitations;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>A page of invitations.</summary>
/// <param name="Items">The invitations, newest first.</param>
/// <param name="NextCursor">Pass as cursor for the next page; absent on the last.</param>
public sealed record InvitationPageResponse(IReadOnlyList<InvitationResponse> Items, string? NextCursor);

/// <summary>An invitation a trigger scheduled, and what became of it.</summary>
/// <param name="Id">The row's id.</param>
/// <param name="SurveyId">The survey.</param>
/// <param name="Trigger">The trigger that scheduled it: purchase, serviceVisit or complaintResolved.</param>
/// <param name="Reason">The reason the invitation carries.</param>
/// <param name="SourceId">The purchase, visit or complaint.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Branch">The branch of the event.</param>
/// <param name="DueAt">When it falls (or fell) due.</param>
/// <param name="State">pending, sent or skipped.</param>
/// <param name="SkipReason">Why it was skipped: quietPeriod, noConsent, surveyClosed, notForBranch or erased.</param>
/// <param name="InvitationId">The invitation made, when sent.</param>
/// <param name="CreatedAt">When it was scheduled.</param>
/// <param name="ProcessedAt">When it was sent or skipped.</param>
public sealed record ScheduledInvitationResponse(
    Guid Id,
    Guid SurveyId,
    string Trigger,
    InvitationReason Reason,
    Guid SourceId,
    Guid CustomerId,
    string Branch,
    DateTimeOffset DueAt,
    ScheduleState State,
    SkipReason? SkipReason,
    Guid? InvitationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ProcessedAt)
{
    public static ScheduledInvitationResponse From(ScheduledInvitation row) => new(
        row.Id, row.SurveyId, WireNames.Of(row.TriggerKey), row.Reason, row.SourceId, row.CustomerId, row.Branch, row.DueAt, row.State,
        row.SkipReason, row.InvitationId, row.CreatedAt, row.ProcessedAt);
}

/// <summary>A page of scheduled invitations.</summary>
/// <param name="Items">The rows, newest first.</param>
/// <param name="NextCursor">Pass as cursor for the next page; absent on the last.</param>
public sealed record ScheduledInvitationPageResponse(IReadOnlyList<ScheduledInvitationResponse> Items, string? NextCursor);

/// <summary>What went out for a survey, and what its triggers scheduled or skipped and why.</summary>
public static class ListInvitations
{
    public static void MapListInvitations(this RouteGroupBuilder feedback)
    {
        var survey = feedback.MapGroup("/surveys/{surveyId:guid}").WithTags("Survey invitations");
        survey.MapGet("/invitations", ListAsync).WithName("ListSurveyInvitations");
        survey.MapGet("/scheduled-invitations", ListScheduledAsync).WithName("ListScheduledInvitations");
    }

    /// <summary>The survey's invitations, newest first; a branch key sees its branch's only.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="status">pending, responded or expired.</param>
    /// <param name="customerId">Only this customer's.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<InvitationPageResponse>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid surveyId,
        FeedbackDbContext db,
        SurveyLinks links,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? status = null,
        string? customerId = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        var wanted = ReadEnum<InvitationStatus>(status, "status", errors);
        var customer = ReadCustomer(customerId, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.SurveyTemplates.AnyAsync(template => template.Id == surveyId, cancellationToken))
        {
            return Problems.NotFound("survey", surveyId);
        }

        var now = clock.GetUtcNow();
        var query = db.SurveyInvitations.AsNoTracking().Where(invitation => invitation.SurveyId == surveyId);
        if (tenant.Branch is { } branch)
        {
            query = query.Where(invitation => invitation.Branch == branch);
        }

        if (customer is { } id)
        {
            query = query.Where(invitation => invitation.CustomerId == id);
        }

        query = wanted switch
        {
            InvitationStatus.Responded => query.Where(invitation => invitation.RespondedAt != null),
            InvitationStatus.Expired => query.Where(invitation => invitation.RespondedAt == null && invitation.ExpiresAt <= now),
            InvitationStatus.Pending => query.Where(invitation => invitation.RespondedAt == null && invitation.ExpiresAt > now),
            _ => query,
        };
        if (after is { } position)
        {
            query = query.Where(invitation =>
                EF.Functions.LessThan(ValueTuple.Create(invitation.CreatedAt, invitation.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderByDescending(invitation => invitation.CreatedAt).ThenByDescending(invitation => invitation.Id)
            .Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = Trim(page, pageSize, invitation => PageCursor.At(invitation.CreatedAt, invitation.Id));
        return TypedResults.Ok(new InvitationPageResponse([.. page.Select(invitation => InvitationResponse.From(invitation, links, now))], next));
    }

    /// <summary>What the survey's triggers scheduled, newest first, with why a row was skipped; a branch key sees its branch's only.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="state">pending, sent or skipped.</param>
    /// <param name="customerId">Only this customer's.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<ScheduledInvitationPageResponse>, ValidationProblem, ProblemHttpResult>> ListScheduledAsync(
        Guid surveyId,
        FeedbackDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken,
        string? state = null,
        string? customerId = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        var wanted = ReadEnum<ScheduleState>(state, "state", errors);
        var customer = ReadCustomer(customerId, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.SurveyTemplates.AnyAsync(template => template.Id == surveyId, cancellationToken))
        {
            return Problems.NotFound("survey", surveyId);
        }

        var query = db.ScheduledInvitations.AsNoTracking().Where(row => row.SurveyId == surveyId);
        if (tenant.Branch is { } branch)
        {
            query = query.Where(row => row.Branch == branch);
        }

        if (customer is { } id)
        {
            query = query.Where(row => row.CustomerId == id);
        }

        if (wanted is { } only)
        {
            query = query.Where(row => row.State == only);
        }

        if (after is { } position)
        {
            query = query.Where(row => EF.Functions.LessThan(ValueTuple.Create(row.CreatedAt, row.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderByDescending(row => row.CreatedAt).ThenByDescending(row => row.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = Trim(page, pageSize, row => PageCursor.At(row.CreatedAt, row.Id));
        return TypedResults.Ok(new ScheduledInvitationPageResponse([.. page.Select(ScheduledInvitationResponse.From)], next));
    }

    private static string? Trim<T>(List<T> page, int pageSize, Func<T, PageCursor> cursorOf)
    {
        if (page.Count <= pageSize)
        {
            return null;
        }

        page.RemoveAt(pageSize);
        return cursorOf(page[^1]).Encode();
    }

    private static TEnum? ReadEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var match = Enum.GetValues<TEnum>().Where(candidate => WireNames.Of(candidate) == value).Select(candidate => (TEnum?)candidate).FirstOrDefault();
        if (match is null)
        {
            errors[field] = [$"One of {string.Join(", ", Enum.GetValues<TEnum>().Select(candidate => WireNames.Of(candidate)))}."];
        }

        return match;
    }

    private static Guid? ReadCustomer(string? customerId, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(customerId))
        {
            return null;
        }

        if (Guid.TryParse(customerId, out var id))
        {
            return id;
        }

        errors["customerId"] = ["A customer id (a UUID)."];
        return null;
    }
}
