using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>A staff note on a case: internal, or a reply the customer sees.</summary>
public sealed class ComplaintNote : ITenantOwned
{
    public const int MaxTextLength = 4000;

    private ComplaintNote()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid ComplaintId { get; private init; }
    public NoteVisibility Visibility { get; private init; }

    /// <summary>Null once the customer is erased.</summary>
    public string? Text { get; private init; }

    public string Author { get; private init; } = "";
    public DateTimeOffset WrittenAt { get; private init; }

    public static ComplaintNote Write(Complaint complaint, NoteVisibility visibility, string text, string author, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(author))
        {
            throw new DomainException("empty-note", "A note needs a text and an author.");
        }

        return new ComplaintNote
        {
            Id = Guid.CreateVersion7(now),
            TenantId = complaint.TenantId,
            ComplaintId = complaint.Id,
            Visibility = visibility,
            Text = text.Trim(),
            Author = author.Trim(),
            WrittenAt = now,
        };
    }
}
