using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>A link to evidence held elsewhere (a photo, a receipt, a letter); the platform stores no files.</summary>
public sealed class ComplaintAttachment : ITenantOwned
{
    public const int MaxUrlLength = 2000;
    public const int MaxTitleLength = 200;

    private ComplaintAttachment()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid ComplaintId { get; private init; }

    /// <summary>Null once the customer is erased (a link can name or show them).</summary>
    public string? Url { get; private init; }

    /// <summary>Null once the customer is erased.</summary>
    public string? Title { get; private init; }

    public DateTimeOffset AttachedAt { get; private init; }

    /// <summary>Only absolute https links: anything else could be a script or a file on someone's own disk.</summary>
    public static bool IsAcceptableUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    public static ComplaintAttachment Attach(Complaint complaint, string url, string title, DateTimeOffset now)
    {
        if (!IsAcceptableUrl(url))
        {
            throw new DomainException("attachment-not-https", "An attachment is an absolute https link.");
        }

        return new ComplaintAttachment
        {
            Id = Guid.CreateVersion7(now),
            TenantId = complaint.TenantId,
            ComplaintId = complaint.Id,
            Url = url.Trim(),
            Title = title.Trim(),
            AttachedAt = now,
        };
    }
}
