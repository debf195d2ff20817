using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerPlatform.Feedback.Features.ComplaintTargets;

/// <summary>The business time a case may take, for one severity or (severity omitted) the default for every other.</summary>
/// <param name="Severity">low, medium, high or critical; omitted or null for the default row, which is required.</param>
/// <param name="AcknowledgeWithinMinutes">Minutes of business time from opening to acknowledging, 1 to 525600.</param>
/// <param name="ResolveWithinMinutes">Minutes of business time from opening to resolving, at least the acknowledge target, up to 525600.</param>
public sealed record ComplaintTargetRequest(ComplaintSeverity? Severity, int? AcknowledgeWithinMinutes, int? ResolveWithinMinutes);

/// <summary>The business's complaint targets; they become a new version.</summary>
/// <param name="Targets">1 to 5 rows: one default (no severity) and at most one per severity.</param>
public sealed record ComplaintTargetsRequest(IReadOnlyList<ComplaintTargetRequest?>? Targets);

/// <summary>One row of the targets.</summary>
/// <param name="AcknowledgeStandard">The standard version the acknowledge target comes from (source standard); absent when the business set it.</param>
/// <param name="ResolveStandard">The same for the resolve target.</param>
public sealed record ComplaintTargetResponse(
    ComplaintSeverity? Severity,
    int AcknowledgeWithinMinutes,
    int ResolveWithinMinutes,
    ComplaintStandardResponse? AcknowledgeStandard = null,
    ComplaintStandardResponse? ResolveStandard = null);

/// <summary>
/// A version of the business's complaint targets. Version 0 (source platformDefault) is what a business that never set
/// any has: acknowledge within 8 business hours (one business day), resolve within 40 (five business days).
/// </summary>
public sealed record ComplaintTargetsResponse(
    int Version,
    ComplaintTargetSource Source,
    Guid? StandardId,
    int? StandardVersion,
    IReadOnlyList<ComplaintTargetResponse> Targets,
    DateTimeOffset? PublishedAt)
{
    public static ComplaintTargetsResponse From(ComplaintTargetSet set) => new(
        set.Version, set.Source, set.StandardId, set.StandardVersion,
        [.. set.Targets.OrderBy(target => target.Severity is null ? -1 : (int)target.Severity)
            .Select(target => new ComplaintTargetResponse(
                target.Severity, target.AcknowledgeWithinMinutes, target.ResolveWithinMinutes,
                ComplaintStandardResponse.From(target.AcknowledgeStandard), ComplaintStandardResponse.From(target.ResolveStandard)))],
        set.PublishedAt);
}

/// <summary><c>/complaint-targets</c>: how fast cases are to be acknowledged and resolved, on the branch's business hours.</summary>
public static class ComplaintTargetsEndpoints
{
    public static readonly string SetByStandardsProblem = ProblemTypes.For("complaint-targets-set-by-standards");

    public static void MapComplaintTargets(this RouteGroupBuilder group)
    {
        group.MapGet("/complaint-targets", GetAsync).WithName("GetComplaintTargets")
            .WithSummary("The business's complaint targets in force, with their version as ETag.")
            .WithDescription("Until the business sets targets: version 0, acknowledge within 8 business hours (one business day) and resolve within 40 business hours (five business days), for every severity.");
        group.MapPut("/complaint-targets", ReplaceAsync).WithName("ReplaceComplaintTargets").RequiresIfMatch()
            .WithSummary("Sets the business's complaint targets as a new version; needs If-Match with the current ETag; not with a branch-restricted key; 409 complaint-targets-set-by-standards while Standards sets them.")
            .WithDescription("Cases already open keep the version they pinned; only cases opened afterwards use the new one. Targets are minutes of business time on the case's branch hours.");
    }

    public static async Task<Ok<ComplaintTargetsResponse>> GetAsync(
        FeedbackDbContext db, TenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(db, tenant.TenantId, cancellationToken);
        http.Response.Headers.ETag = ETagOf(current);
        return TypedResults.Ok(ComplaintTargetsResponse.From(current));
    }

    public static async Task<Results<Ok<ComplaintTargetsResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        ComplaintTargetsRequest request, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        // Service targets are the business's, not one branch's.
        if (tenant.Branch is not null)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden, "A branch-restricted key cannot change the business's complaint targets.", type: ProblemTypes.Forbidden);
        }

        var errors = new Dictionary<string, string[]>();
        var targets = Check(request.Targets, errors);
        if (targets is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var current = await CurrentAsync(db, tenant.TenantId, cancellationToken);
        if (current.Source == ComplaintTargetSource.Standard)
        {
            // One owner at a time: a PUT here would be overwritten by the next publication, or silently undo a standard.
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status409Conflict,
                "The complaint targets are set by the business's measurable standards.",
                "Change or retire the complaint acknowledgement and resolution time standards (/api/v1/standards/service-standards); once none sets targets, the business's own targets apply again and can be set here.",
                SetByStandardsProblem);
        }

        if (ETags.CheckIfMatch(http.Request, ETagOf(current)) is { } precondition)
        {
            return precondition;
        }

        var next = ComplaintTargetSet.SetByBusiness(current, targets, clock.GetUtcNow());
        db.ComplaintTargets.Add(next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another PUT made this version first: the If-Match this one passed is stale now.
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status412PreconditionFailed,
                "The complaint targets were changed by someone else; fetch them again and retry with their new ETag.",
                type: ProblemTypes.PreconditionFailed);
        }

        http.Response.Headers.ETag = ETagOf(next);
        return TypedResults.Ok(ComplaintTargetsResponse.From(next));
    }

    /// <summary>The newest version, or the platform default (version 0) when the business never set any.</summary>
    public static async Task<ComplaintTargetSet> CurrentAsync(FeedbackDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        await db.ComplaintTargets.AsNoTracking().OrderByDescending(set => set.Version).FirstOrDefaultAsync(cancellationToken)
        ?? ComplaintTargetSet.PlatformDefault(tenantId);

    private static string ETagOf(ComplaintTargetSet set) => ETags.From((uint)set.Version);

    private static List<ComplaintTarget>? Check(IReadOnlyList<ComplaintTargetRequest?>? rows, Dictionary<string, string[]> errors)
    {
        if (rows is null || rows.Count == 0)
        {
            errors["targets"] = ["At least the default row (no severity) is required."];
            return null;
        }

        var maxRows = Enum.GetValues<ComplaintSeverity>().Length + 1;
        if (rows.Count > maxRows)
        {
            errors["targets"] = [$"At most {maxRows} rows: one default and one per severity."];
            return null;
        }

        var targets = new List<ComplaintTarget>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var field = $"targets[{i}]";
            if (row is null)
            {
                errors[field] = ["A target row is required."];
                continue;
            }

            if (targets.Any(target => target.Severity == row.Severity))
            {
                errors[$"{field}.severity"] = [row.Severity is null ? "Only one default row (no severity)." : "Only one row per severity."];
            }

            var acknowledge = Minutes(row.AcknowledgeWithinMinutes, $"{field}.acknowledgeWithinMinutes", errors);
            var resolve = Minutes(row.ResolveWithinMinutes, $"{field}.resolveWithinMinutes", errors);
            if (acknowledge is { } ack && resolve is { } res)
            {
                if (res < ack)
                {
                    errors[$"{field}.resolveWithinMinutes"] = ["A case cannot be due resolved before it is due acknowledged."];
                }

                targets.Add(new ComplaintTarget(row.Severity, ack, res));
            }
        }

        if (errors.Count == 0 && targets.All(target => target.Severity is not null))
        {
            errors["targets"] = ["A default row (no severity) is required: it covers the severities not listed."];
        }

        return errors.Count == 0 ? targets : null;
    }

    private static int? Minutes(int? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is not ({ } minutes and >= 1 and <= ComplaintTarget.MaxMinutes))
        {
            errors[field] = [$"Minutes of business time, 1 to {ComplaintTarget.MaxMinutes}."];
            return null;
        }

        return minutes;
    }
}
