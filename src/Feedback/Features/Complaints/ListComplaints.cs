using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Complaints;

public static class ListComplaints
{
    public static RouteHandlerBuilder MapListComplaints(this RouteGroupBuilder group) =>
        group.MapGet("/complaints", HandleAsync).WithName("ListComplaints");

    /// <summary>The business's complaint cases, newest first; every filter given must match.</summary>
    /// <param name="status">received, acknowledged, investigating, resolved, closed, reopened or escalated.</param>
    /// <param name="branch">A branch code.</param>
    /// <param name="assignedTo">Who works the case.</param>
    /// <param name="category">A category code.</param>
    /// <param name="severity">low, medium, high or critical.</param>
    /// <param name="overdue">true: only cases past a running due time now (acknowledge or resolve; not while waiting on the customer); false: only the others.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<ComplaintPageResponse>, ValidationProblem>> HandleAsync(
        FeedbackDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken,
        string? status = null,
        string? branch = null,
        string? assignedTo = null,
        string? category = null,
        string? severity = null,
        string? overdue = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        var statusFilter = ReadEnum<ComplaintStatus>(status, "status", errors);
        var severityFilter = ReadEnum<ComplaintSeverity>(severity, "severity", errors);
        bool? overdueFilter = overdue?.Trim() switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (overdueFilter is null && !string.IsNullOrWhiteSpace(overdue))
        {
            errors["overdue"] = ["true or false."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow();
        var query = db.Complaints.AsNoTracking();
        if (overdueFilter is { } wantedOverdue)
        {
            query = wantedOverdue
                ? query.Where(complaint => complaint.NextDueAt != null && complaint.NextDueAt < now)
                : query.Where(complaint => complaint.NextDueAt == null || complaint.NextDueAt >= now);
        }

        if (statusFilter is { } wantedStatus)
        {
            query = query.Where(complaint => complaint.Status == wantedStatus);
        }

        if (severityFilter is { } wantedSeverity)
        {
            query = query.Where(complaint => complaint.Severity == wantedSeverity);
        }

        if (!string.IsNullOrWhiteSpace(branch))
        {
            var wantedBranch = branch.Trim();
            query = query.Where(complaint => complaint.Branch == wantedBranch);
        }

        if (!string.IsNullOrWhiteSpace(assignedTo))
        {
            var wantedAssignee = assignedTo.Trim();
            query = query.Where(complaint => complaint.AssignedTo == wantedAssignee);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            var wantedCategory = category.Trim();
            query = query.Where(complaint => complaint.Category == wantedCategory);
        }

        if (after is { } position)
        {
            query = query.Where(complaint =>
                EF.Functions.LessThan(ValueTuple.Create(complaint.ReceivedAt, complaint.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query
            .OrderByDescending(complaint => complaint.ReceivedAt)
            .ThenByDescending(complaint => complaint.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].ReceivedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new ComplaintPageResponse([.. page.Select(complaint => ComplaintSummaryResponse.From(complaint, now))], nextCursor));
    }

    // Read from a string so a wrong value is a field error naming the parameter, not a binding failure; names only,
    // since Enum.TryParse would also take "3".
    private static TEnum? ReadEnum<TEnum>(string? text, string parameter, IDictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = Enum.GetValues<TEnum>().Where(value => WireNames.Of(value) == text.Trim()).Cast<TEnum?>().FirstOrDefault();
        if (match is null)
        {
            errors[parameter] = [$"One of: {string.Join(", ", Enum.GetValues<TEnum>().Select(value => WireNames.Of(value)))}."];
        }

        return match;
    }
}
