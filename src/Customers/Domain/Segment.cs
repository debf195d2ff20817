using System.ComponentModel.DataAnnotations.Schema;
using System.Text.Json;
using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A business's saved rule set over its customers. Who matches is evaluated live for counts and member lists; the
/// stored membership (<see cref="SegmentMember"/>) is refreshed in the background so joins and leaves can be
/// published. Every change asks for a refresh by moving <see cref="ChangeGeneration"/> on; a refresh records the
/// generation it started from, so a change made during a refresh is never lost. A deleted segment stays (hidden)
/// until its members have been announced as leaving.
/// </summary>
public sealed class Segment : ITenantOwned
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;

    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    private Segment()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    [NotMapped]
    public SegmentRules Rules { get; private set; } = new();

    /// <summary>
    /// <see cref="Rules"/> as stored (jsonb). A string for EF, which would otherwise try to map the rules' types (their
    /// free-form JSON values) itself.
    /// </summary>
    public string RulesJson
    {
        get => JsonSerializer.Serialize(Rules, StoredJson);
        private set => Rules = JsonSerializer.Deserialize<SegmentRules>(value, StoredJson) ?? new();
    }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Moves on with every client change; the concurrency token and ETag (background refreshes leave it alone).</summary>
    public int Revision { get; private set; }

    /// <summary>Moves on whenever the membership may have changed.</summary>
    public long ChangeGeneration { get; private set; }

    /// <summary>The generation the last completed refresh started from.</summary>
    public long RefreshedGeneration { get; private init; }

    public DateTimeOffset? RefreshedAt { get; private init; }

    /// <summary>Members as of <see cref="RefreshedAt"/>.</summary>
    public int? MemberCount { get; private init; }

    public static Segment Create(Guid tenantId, string name, string? description, SegmentRules rules, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = tenantId,
        Name = name,
        Description = description,
        Rules = rules,
        CreatedAt = now,
        UpdatedAt = now,
        Revision = 1,
        ChangeGeneration = 1,
    };

    public void Update(string name, string? description, SegmentRules rules, DateTimeOffset now)
    {
        Name = name;
        Description = description;
        Rules = rules;
        UpdatedAt = now;
        Revision++;
        ChangeGeneration++;
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAt = now;
        UpdatedAt = now;
        Revision++;
        ChangeGeneration++;
    }
}

/// <summary>A customer in a segment as of its last refresh.</summary>
public sealed class SegmentMember : ITenantOwned
{
    public Guid TenantId { get; init; }
    public Guid SegmentId { get; init; }
    public Guid CustomerId { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
}
