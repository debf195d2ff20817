using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>One entry of a code list.</summary>
/// <param name="Code">Stable code, 1 to 50 letters, digits, '-', '_' or '.'; what complaints store.</param>
/// <param name="Label">What people see, 1 to 200 characters.</param>
public sealed record ComplaintCodeEntry(string? Code, string? Label);

/// <summary>The whole list: it replaces the current one. A code that complaints use cannot be removed.</summary>
/// <param name="Items">At most 200 entries with distinct codes.</param>
public sealed record ComplaintCodeListRequest([property: Required] IReadOnlyList<ComplaintCodeEntry?>? Items);

/// <summary>A business's complaint categories or root causes, by code.</summary>
public sealed record ComplaintCodeListResponse(IReadOnlyList<ComplaintCodeEntry> Items);

/// <summary><c>/complaint-categories</c> and <c>/complaint-root-causes</c>: the business's own lists for its cases.</summary>
public static class ComplaintCodeLists
{
    public static void MapComplaintCodeLists(this RouteGroupBuilder group)
    {
        group.MapGet("/complaint-categories", (FeedbackDbContext db, CancellationToken cancellationToken) =>
            GetAsync(ComplaintCodeKind.Category, db, cancellationToken)).WithName("GetComplaintCategories")
            .WithSummary("The business's complaint categories, by code.");
        group.MapPut("/complaint-categories", (ComplaintCodeListRequest request, FeedbackDbContext db, TenantContext tenant, CancellationToken cancellationToken) =>
            ReplaceAsync(ComplaintCodeKind.Category, request, db, tenant, cancellationToken)).WithName("ReplaceComplaintCategories")
            .WithSummary("Replaces the complaint categories; a category that complaints use cannot be removed (409 complaint-category-in-use).");
        group.MapGet("/complaint-root-causes", (FeedbackDbContext db, CancellationToken cancellationToken) =>
            GetAsync(ComplaintCodeKind.RootCause, db, cancellationToken)).WithName("GetComplaintRootCauses")
            .WithSummary("The business's complaint root causes, by code.");
        group.MapPut("/complaint-root-causes", (ComplaintCodeListRequest request, FeedbackDbContext db, TenantContext tenant, CancellationToken cancellationToken) =>
            ReplaceAsync(ComplaintCodeKind.RootCause, request, db, tenant, cancellationToken)).WithName("ReplaceComplaintRootCauses")
            .WithSummary("Replaces the complaint root causes; a root cause that complaints use cannot be removed (409 complaint-root-cause-in-use).");
    }

    public static async Task<Ok<ComplaintCodeListResponse>> GetAsync(ComplaintCodeKind kind, FeedbackDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ComplaintCodeListResponse(await ReadAsync(kind, db, cancellationToken)));

    public static async Task<Results<Ok<ComplaintCodeListResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        ComplaintCodeKind kind, ComplaintCodeListRequest request, FeedbackDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var entries = request.Items?.Select(item => item is null ? ((string?, string?)?)null : (item.Code, item.Label)).ToList();
        var wanted = ComplaintCodeRules.Normalise(entries, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var current = await db.ComplaintCodes.Where(code => code.Kind == kind).ToListAsync(cancellationToken);
        var removed = current.Where(code => !wanted.ContainsKey(code.Code)).ToList();
        var removedCodes = removed.Select(code => code.Code).ToList();
        var inUse = kind == ComplaintCodeKind.Category
            ? await db.Complaints.Where(complaint => removedCodes.Contains(complaint.Category)).Select(complaint => complaint.Category).Distinct().ToListAsync(cancellationToken)
            : await db.Complaints.Where(complaint => complaint.RootCause != null && removedCodes.Contains(complaint.RootCause)).Select(complaint => complaint.RootCause!).Distinct().ToListAsync(cancellationToken);
        if (inUse.Count > 0)
        {
            var what = kind == ComplaintCodeKind.Category ? "category" : "root-cause";
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status409Conflict,
                $"A {what.Replace('-', ' ')} that complaints use cannot be removed.",
                $"In use: {string.Join(", ", inUse.Order(StringComparer.Ordinal))}.",
                ProblemTypes.For($"complaint-{what}-in-use"));
        }

        db.ComplaintCodes.RemoveRange(removed);
        foreach (var (code, label) in wanted)
        {
            if (current.FirstOrDefault(existing => existing.Code == code) is { } existing)
            {
                existing.Relabel(label);
            }
            else
            {
                db.ComplaintCodes.Add(new ComplaintCode(tenant.TenantId, kind, code, label));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ComplaintCodeListResponse(await ReadAsync(kind, db, cancellationToken)));
    }

    /// <summary>Whether the business's list of that kind has the code.</summary>
    public static Task<bool> ExistsAsync(ComplaintCodeKind kind, string code, FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        return db.ComplaintCodes.AnyAsync(entry => entry.Kind == kind && entry.Code == trimmed, cancellationToken);
    }

    private static async Task<IReadOnlyList<ComplaintCodeEntry>> ReadAsync(ComplaintCodeKind kind, FeedbackDbContext db, CancellationToken cancellationToken) =>
        await db.ComplaintCodes.AsNoTracking().Where(code => code.Kind == kind)
            .OrderBy(code => code.Code)
            .Select(code => new ComplaintCodeEntry(code.Code, code.Label))
            .ToListAsync(cancellationToken);
}
