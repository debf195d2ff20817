using CustomerPlatform.Feedback.Domain.Compensations;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>
/// A complaint handled as a case: what it is about, how serious it is, who works it, and its way through
/// <see cref="ComplaintWorkflow"/>, with the history of every transition, note and attachment.
/// </summary>
public sealed class Complaint : ITenantOwned
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxCodeLength = 50;
    public const int MaxPersonLength = 100;
    public const int MaxExternalLength = 200;

    private Complaint()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid? CustomerId { get; private init; }
    public string Branch { get; private init; } = "";
    public ComplaintChannel Channel { get; private init; }
    public string Category { get; private init; } = "";
    public ComplaintSeverity Severity { get; private init; }

    /// <summary>The customer's own account; null once the customer is erased.</summary>
    public string? Description { get; private set; }

    public string? AssignedTo { get; private set; }
    public string? RootCause { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public string? ExternalBody { get; private set; }
    public string? ExternalReference { get; private set; }
    public DateTimeOffset ReceivedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin), the case's ETag: two transitions racing cannot both apply.</summary>
    public uint Version { get; private set; }

    public List<ComplaintTransition> Transitions { get; private init; } = [];
    public List<ComplaintNote> Notes { get; private init; } = [];
    public List<ComplaintAttachment> Attachments { get; private init; } = [];
    public List<Compensation> Compensations { get; private init; } = [];

    /// <param name="category">A code of the business's category list; the caller has checked it exists.</param>
    public static Complaint Receive(
        Guid tenantId,
        Guid? customerId,
        string branch,
        ComplaintChannel channel,
        string category,
        ComplaintSeverity severity,
        string description,
        string? assignedTo,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainException("empty-description", "A complaint needs a description.");
        }

        return new Complaint
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CustomerId = customerId,
            Branch = branch.Trim(),
            Channel = channel,
            Category = category.Trim(),
            Severity = severity,
            Description = description.Trim(),
            AssignedTo = Blank(assignedTo),
            Status = ComplaintStatus.Received,
            ReceivedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Moves the case on; throws a 409 <c>invalid-transition</c> when the workflow does not allow it.</summary>
    public ComplaintTransition TransitionTo(ComplaintStatus to, string? note, string? externalBody, string? externalReference, DateTimeOffset now)
    {
        if (!ComplaintWorkflow.IsAllowed(Status, to))
        {
            throw new DomainException(
                "invalid-transition",
                $"A {Status} complaint cannot move to {to}; allowed: {string.Join(", ", ComplaintWorkflow.AllowedFrom(Status))}.",
                DomainErrorKind.Conflict);
        }

        if (to == ComplaintStatus.Escalated)
        {
            if (string.IsNullOrWhiteSpace(externalBody) || string.IsNullOrWhiteSpace(externalReference))
            {
                throw new DomainException("escalation-needs-external-body", "An escalation names the external body and its reference for the dispute.");
            }

            ExternalBody = externalBody.Trim();
            ExternalReference = externalReference.Trim();
        }

        var transition = new ComplaintTransition(TenantId, Id, Status, to, Blank(note), now);
        Status = to;
        UpdatedAt = now;
        Transitions.Add(transition);
        return transition;
    }

    public void AssignTo(string? assignee, DateTimeOffset now)
    {
        AssignedTo = Blank(assignee);
        UpdatedAt = now;
    }

    /// <param name="rootCause">A code of the business's root-cause list (checked by the caller), or null to clear it.</param>
    public void SetRootCause(string? rootCause, DateTimeOffset now)
    {
        RootCause = Blank(rootCause);
        UpdatedAt = now;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
