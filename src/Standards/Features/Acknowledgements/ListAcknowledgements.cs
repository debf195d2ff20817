using System.Globalization;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Acknowledgements;

public sealed record AcknowledgementPageResponse(IReadOnlyList<AcknowledgementResponse> Items, string? NextCursor);

public static class ListAcknowledgements
{
    public static RouteHandlerBuilder MapListAcknowledgements(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync).WithName("ListPolicyAcknowledgements");

    /// <summary>Acknowledgement tasks, oldest request first: by default the outstanding ones.</summary>
    /// <param name="branch">Only this branch's staff (as they were when asked).</param>
    /// <param name="policyId">Only this policy's versions.</param>
    /// <param name="status">outstanding (default), acknowledged or all.</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<AcknowledgementPageResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        StandardsDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken,
        string? branch = null,
        Guid? policyId = null,
        string? status = null,
        string? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadCursor(cursor, errors);
        (long Ticks, Guid PolicyId, int Version)? position = null;
        if (after is { } read)
        {
            position = ReadPosition(read.Key);
            if (position is null)
            {
                errors["cursor"] = ["Not a cursor this list issued: pass the nextCursor of a previous page unchanged."];
            }
        }

        status ??= "outstanding";
        if (status is not ("outstanding" or "acknowledged" or "all"))
        {
            errors["status"] = ["One of outstanding, acknowledged, all."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var code = branch?.Trim();
        if (code is not null && !tenant.MayActFor(code))
        {
            return Problems.OtherBranch(code);
        }

        var query = db.PolicyAcknowledgements.AsNoTracking();
        if (code is not null)
        {
            query = query.Where(task => task.Branch == code);
        }

        if (policyId is { } policy)
        {
            query = query.Where(task => task.PolicyId == policy);
        }

        query = status switch
        {
            "outstanding" => query.Where(task => task.AcknowledgedAt == null),
            "acknowledged" => query.Where(task => task.AcknowledgedAt != null),
            _ => query,
        };

        if (position is { } at)
        {
            var requestedAt = new DateTimeOffset(at.Ticks, TimeSpan.Zero);
            var staffId = after!.Value.Id;
            query = query.Where(task => EF.Functions.GreaterThan(
                ValueTuple.Create(task.RequestedAt, task.PolicyId, task.PolicyVersion, task.StaffId),
                ValueTuple.Create(requestedAt, at.PolicyId, at.Version, staffId)));
        }

        var page = await query
            .OrderBy(task => task.RequestedAt).ThenBy(task => task.PolicyId).ThenBy(task => task.PolicyVersion).ThenBy(task => task.StaffId)
            .Take(pageSize + 1)
            .Select(task => new
            {
                Task = task,
                Title = db.Policies.Where(candidate => candidate.Id == task.PolicyId).Select(candidate => candidate.Title).First(),
                Staff = db.StaffMembers.Where(staff => staff.Id == task.StaffId).Select(staff => new { staff.Code, staff.Name }).First(),
            })
            .ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            var last = page[^1].Task;
            nextCursor = new PageCursor(
                string.Create(CultureInfo.InvariantCulture, $"{last.RequestedAt.UtcTicks}.{last.PolicyId:N}.{last.PolicyVersion}"), last.StaffId).Encode();
        }

        return TypedResults.Ok(new AcknowledgementPageResponse(
            [.. page.Select(row => new AcknowledgementResponse(
                row.Task.PolicyId, row.Task.PolicyVersion, row.Title, row.Task.StaffId, row.Staff.Code, row.Staff.Name, row.Task.Branch, row.Task.RequestedAt, row.Task.AcknowledgedAt))],
            nextCursor));
    }

    private static (long Ticks, Guid PolicyId, int Version)? ReadPosition(string key)
    {
        var parts = key.Split('.');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var policyId)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (ticks, policyId, version)
            : null;
    }
}
