using System.Text.Json.Serialization;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Features.Compensations;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Complaints;

/// <summary>A complaint case as the list shows it.</summary>
public sealed record ComplaintSummaryResponse(
    Guid Id,
    Guid? CustomerId,
    string Branch,
    ComplaintChannel Channel,
    string Category,
    ComplaintSeverity Severity,
    ComplaintStatus Status,
    string? AssignedTo,
    string? RootCause,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AcknowledgeDueAt,
    DateTimeOffset? ResolveDueAt,
    bool Overdue)
{
    public static ComplaintSummaryResponse From(Complaint complaint, DateTimeOffset now) => new(
        complaint.Id, complaint.CustomerId, complaint.Branch, complaint.Channel, complaint.Category, complaint.Severity,
        complaint.Status, complaint.AssignedTo, complaint.RootCause, complaint.ReceivedAt, complaint.UpdatedAt,
        complaint.AcknowledgeDueAt, complaint.ResolveDueAt, complaint.IsOverdue(now));
}

/// <summary>One due time of a case.</summary>
/// <param name="DueAt">When it is due; absent on cases opened before deadlines existed.</param>
/// <param name="DoneAt">When it was done (acknowledged, resolved); absent while pending.</param>
/// <param name="Met">Whether it was done by its due time; null while pending.</param>
/// <param name="Overdue">Pending, running (not paused) and past due now.</param>
/// <param name="Standard">The standard version (in the Standards service) the due time follows; absent when the business set the target.</param>
public sealed record ComplaintDeadlineResponse(DateTimeOffset? DueAt, DateTimeOffset? DoneAt, bool? Met, bool Overdue, ComplaintStandardResponse? Standard = null);

/// <summary>A version of one of the business's measurable standards.</summary>
public sealed record ComplaintStandardResponse(Guid StandardId, int Version)
{
    public static ComplaintStandardResponse? From(StandardReference? standard) =>
        standard is null ? null : new ComplaintStandardResponse(standard.StandardId, standard.Version);
}

/// <summary>A span the case waited on the customer; pausedMinutes is the business time the resolve due time moved by.</summary>
public sealed record ComplaintWaitResponse(DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int? PausedMinutes);

/// <summary>
/// The case's due times. A reopen starts a new resolve clock from the reopen (its own dueAt, met null until resolved
/// again); the first resolution's verdict stays in firstResolutionMet.
/// </summary>
/// <param name="TargetsVersion">The version of the business's complaint targets pinned at opening (0: the platform default).</param>
/// <param name="Clock">branchHours: the branch's opening hours and holidays; alwaysOpen: the branch was unknown or had no hours.</param>
public sealed record ComplaintDeadlinesResponse(
    int? TargetsVersion,
    ComplaintClock? Clock,
    ComplaintDeadlineResponse Acknowledge,
    ComplaintDeadlineResponse Resolve,
    bool? FirstResolutionMet,
    bool WaitingOnCustomer,
    IReadOnlyList<ComplaintWaitResponse> Waits)
{
    public static ComplaintDeadlinesResponse From(Complaint complaint, DateTimeOffset now) => new(
        complaint.TargetsVersion,
        complaint.Clock,
        new ComplaintDeadlineResponse(
            complaint.AcknowledgeDueAt, complaint.AcknowledgedAt, complaint.AcknowledgeMet,
            complaint.AcknowledgedAt is null && complaint.AcknowledgeDueAt < now,
            ComplaintStandardResponse.From(complaint.AcknowledgeStandard)),
        new ComplaintDeadlineResponse(
            complaint.ResolveDueAt, complaint.ResolvedAt, complaint.ResolveMet,
            complaint.ResolvedAt is null && complaint.WaitingSince is null && complaint.ResolveDueAt < now,
            ComplaintStandardResponse.From(complaint.ResolveStandard)),
        complaint.FirstResolutionMet,
        complaint.WaitingSince is not null,
        [.. complaint.Waits.OrderBy(w => w.StartedAt).ThenBy(w => w.Id).Select(w => new ComplaintWaitResponse(w.StartedAt, w.EndedAt, w.PausedMinutes))]);
}

/// <summary>A page of complaint cases, newest first.</summary>
public sealed record ComplaintPageResponse(IReadOnlyList<ComplaintSummaryResponse> Items, string? NextCursor);

/// <summary>One step of the workflow; the note is absent when none was given or the customer was erased.</summary>
public sealed record ComplaintTransitionResponse(ComplaintStatus From, ComplaintStatus To, string? Note, DateTimeOffset OccurredAt);

/// <summary>An internal note or a reply to the customer; the text is absent once the customer is erased.</summary>
public sealed record ComplaintNoteResponse(Guid Id, NoteVisibility Visibility, string? Text, string Author, DateTimeOffset WrittenAt);

/// <summary>A link to evidence; url and title are absent once the customer is erased.</summary>
public sealed record ComplaintAttachmentResponse(Guid Id, string? Url, string? Title, DateTimeOffset AttachedAt);

/// <summary>The customer's answer to the follow-up survey sent after the case was resolved.</summary>
/// <param name="ResponseId">The follow-up survey response.</param>
/// <param name="Nps">Its likelihood-to-recommend answer, when it asked one.</param>
/// <param name="Csat">Its satisfaction answer, when it asked one.</param>
/// <param name="Recovered">Won back: NPS at least 7 or CSAT at least 4.</param>
/// <param name="AnsweredAt">When the customer answered.</param>
public sealed record ComplaintFollowUpResponse(
    Guid ResponseId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Nps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Csat,
    bool Recovered,
    DateTimeOffset AnsweredAt)
{
    public static ComplaintFollowUpResponse? From(Complaint complaint) =>
        complaint.FollowUpResponseId is { } responseId
            ? new(responseId, complaint.FollowUpNps, complaint.FollowUpCsat, complaint.Recovered == true, complaint.FollowUpAnsweredAt!.Value)
            : null;
}

/// <summary>A complaint case with its whole history.</summary>
/// <param name="SourceResponseId">The survey response whose poor score opened the case (the closed loop); null when staff opened it.</param>
/// <param name="FollowUp">The customer's answer to the follow-up survey; null until one arrives.</param>
public sealed record ComplaintResponse(
    Guid Id,
    Guid? CustomerId,
    string Branch,
    ComplaintChannel Channel,
    string Category,
    ComplaintSeverity Severity,
    string? Description,
    ComplaintStatus Status,
    IReadOnlyList<ComplaintStatus> AllowedTransitions,
    string? AssignedTo,
    string? RootCause,
    string? ExternalBody,
    string? ExternalReference,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ComplaintTransitionResponse> Transitions,
    IReadOnlyList<ComplaintNoteResponse> Notes,
    IReadOnlyList<ComplaintAttachmentResponse> Attachments,
    IReadOnlyList<CompensationResponse> Compensations,
    ComplaintDeadlinesResponse Deadlines,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Guid? SourceResponseId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ComplaintFollowUpResponse? FollowUp)
{
    public static ComplaintResponse From(Complaint complaint, DateTimeOffset now) => new(
        complaint.Id,
        complaint.CustomerId,
        complaint.Branch,
        complaint.Channel,
        complaint.Category,
        complaint.Severity,
        complaint.Description,
        complaint.Status,
        ComplaintWorkflow.AllowedFrom(complaint.Status),
        complaint.AssignedTo,
        complaint.RootCause,
        complaint.ExternalBody,
        complaint.ExternalReference,
        complaint.ReceivedAt,
        complaint.UpdatedAt,
        [.. complaint.Transitions.OrderBy(t => t.OccurredAt).ThenBy(t => t.Id).Select(t => new ComplaintTransitionResponse(t.From, t.To, t.Note, t.OccurredAt))],
        [.. complaint.Notes.OrderBy(n => n.WrittenAt).ThenBy(n => n.Id).Select(n => new ComplaintNoteResponse(n.Id, n.Visibility, n.Text, n.Author, n.WrittenAt))],
        [.. complaint.Attachments.OrderBy(a => a.AttachedAt).ThenBy(a => a.Id).Select(a => new ComplaintAttachmentResponse(a.Id, a.Url, a.Title, a.AttachedAt))],
        [.. complaint.Compensations.OrderBy(c => c.OfferedAt).ThenBy(c => c.Id).Select(CompensationResponse.From)],
        ComplaintDeadlinesResponse.From(complaint, now),
        complaint.SourceResponseId,
        ComplaintFollowUpResponse.From(complaint));
}

/// <summary>Reading a case with its history, and answering with it and its ETag.</summary>
internal static class ComplaintCases
{
    public static string PathOf(Guid id) => $"/api/v1/feedback/complaints/{id}";

    /// <summary>The case with its history, untracked; null when unknown (or another tenant's).</summary>
    public static Task<Complaint?> ReadAsync(FeedbackDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Complaints.AsNoTracking().AsSplitQuery()
            .Include(complaint => complaint.Transitions)
            .Include(complaint => complaint.Notes)
            .Include(complaint => complaint.Attachments)
            .Include(complaint => complaint.Compensations)
            .Include(complaint => complaint.Waits)
            .FirstOrDefaultAsync(complaint => complaint.Id == id, cancellationToken);

    /// <summary>The case as it is now (after a write), with its ETag set on the response.</summary>
    public static async Task<ComplaintResponse> RespondAsync(FeedbackDbContext db, HttpContext http, Guid id, CancellationToken cancellationToken)
    {
        var complaint = await ReadAsync(db, id, cancellationToken)
            ?? throw new InvalidOperationException($"Complaint {id} vanished after a write.");
        http.Response.Headers.ETag = ETags.From(complaint.Version);
        return ComplaintResponse.From(complaint, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    /// <summary>
    /// The case to change, tracked, or the problem to answer instead: 404 unknown (or another tenant's), 403 for a key
    /// restricted to another branch, then (when the change needs it) 428/412 from <c>If-Match</c>.
    /// </summary>
    public static async Task<(Complaint? Complaint, ProblemHttpResult? Problem)> FindForChangeAsync(
        FeedbackDbContext db, TenantContext tenant, HttpContext http, Guid id, bool needsIfMatch, CancellationToken cancellationToken)
    {
        // The open wait, if any, comes along: ending it (resume, resolve, close) closes its history row.
        var complaint = await db.Complaints
            .Include(complaint => complaint.Waits.Where(wait => wait.EndedAt == null))
            .FirstOrDefaultAsync(complaint => complaint.Id == id, cancellationToken);
        if (complaint is null)
        {
            return (null, Problems.NotFound("complaint", id));
        }

        if (!tenant.MayActFor(complaint.Branch))
        {
            return (null, Problems.OtherBranch(complaint.Branch));
        }

        if (needsIfMatch && ETags.CheckIfMatch(http.Request, ETags.From(complaint.Version)) is { } precondition)
        {
            return (null, precondition);
        }

        return (complaint, null);
    }
}
