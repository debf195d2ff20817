using System.Globalization;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Interactions;

public static class ListFollowUps
{
    public static RouteHandlerBuilder MapListFollowUps(this RouteGroupBuilder group) =>
        group.MapGet("/follow-ups", HandleAsync).WithName("ListOpenFollowUps");

    /// <summary>
    /// Open follow-ups across customers, soonest due first: the work queue of a branch or a staff member. A
    /// branch-restricted key sees its own branch's only.
    /// </summary>
    /// <param name="branch">Only this branch's.</param>
    /// <param name="staffMember">Only those of interactions this staff member handled.</param>
    /// <param name="dueBefore">Only those due before this time (ISO 8601).</param>
    /// <param name="overdue">true: only those already overdue; false: only those not yet due.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<InteractionPageResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CustomersDbContext db,
        TenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? branch = null,
        string? staffMember = null,
        string? dueBefore = null,
        string? overdue = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        DateTimeOffset? dueBeforeTime = null;
        if (!string.IsNullOrEmpty(dueBefore))
        {
            if (DateTimeOffset.TryParse(dueBefore, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                dueBeforeTime = parsed.ToUniversalTime();
            }
            else
            {
                errors["dueBefore"] = ["An ISO 8601 time, e.g. 2026-11-30T17:00:00Z."];
            }
        }

        bool? overdueOnly = null;
        if (!string.IsNullOrEmpty(overdue))
        {
            if (bool.TryParse(overdue, out var parsed))
            {
                overdueOnly = parsed;
            }
            else
            {
                errors["overdue"] = ["true or false."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var branchFilter = string.IsNullOrWhiteSpace(branch) ? tenant.Branch : branch.Trim();
        if (branchFilter is not null && !tenant.MayActFor(branchFilter))
        {
            return Problems.OtherBranch(branchFilter);
        }

        var query = db.Interactions.AsNoTracking()
            .Where(interaction => interaction.FollowUpDueAt != null && interaction.FollowUpCompletedAt == null);
        if (branchFilter is not null)
        {
            query = query.Where(interaction => interaction.Branch == branchFilter);
        }

        if (!string.IsNullOrWhiteSpace(staffMember))
        {
            var staff = staffMember.Trim();
            query = query.Where(interaction => interaction.StaffMember == staff);
        }

        if (dueBeforeTime is { } before)
        {
            query = query.Where(interaction => interaction.FollowUpDueAt < before);
        }

        var now = clock.GetUtcNow();
        query = overdueOnly switch
        {
            true => query.Where(interaction => interaction.FollowUpDueAt < now),
            false => query.Where(interaction => interaction.FollowUpDueAt >= now),
            null => query,
        };

        if (after is { } position)
        {
            query = query.Where(interaction =>
                EF.Functions.GreaterThan(ValueTuple.Create(interaction.FollowUpDueAt!.Value, interaction.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query
            .OrderBy(interaction => interaction.FollowUpDueAt)
            .ThenBy(interaction => interaction.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].FollowUpDueAt!.Value, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new InteractionPageResponse([.. page.Select(InteractionResponse.From)], nextCursor));
    }
}
