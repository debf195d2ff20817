using System.Buffers.Text;
using System.Security.Cryptography;
using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>
/// Where a business publishes its service charter for customers: an unguessable handle (128 random bits) in a public
/// link. Rotating it makes a new handle and kills the old link; withdrawing deletes the publication.
/// </summary>
public sealed class CharterPublication : ITenantOwned
{
    public const int MaxTitleLength = 200;

    private CharterPublication()
    {
    }

    public Guid TenantId { get; private init; }
    public string Handle { get; private set; } = "";

    /// <summary>The heading customers see, e.g. "Our promise to you at Acme Bikes".</summary>
    public string Title { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private init; }
    public DateTimeOffset HandleIssuedAt { get; private set; }

    public static CharterPublication Publish(Guid tenantId, string title, DateTimeOffset now) => new()
    {
        TenantId = tenantId,
        Handle = NewHandle(),
        Title = title,
        PublishedAt = now,
        HandleIssuedAt = now,
    };

    public void Retitle(string title) => Title = title;

    /// <summary>A new handle: the old link stops working at once.</summary>
    public void Rotate(DateTimeOffset now)
    {
        Handle = NewHandle();
        HandleIssuedAt = now;
    }

    /// <summary>Whether text could be a handle at all, so anything else is answered without a query.</summary>
    public static bool CouldBeHandle(string text) => text.Length == 22 && Base64Url.IsValid(text);

    private static string NewHandle() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
