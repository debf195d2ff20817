using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>That a staff member was trained on a policy version: when, and by whom.</summary>
public sealed class TrainingRecord : ITenantOwned
{
    public const int MaxTrainerLength = 200;
    public const int MaxNotesLength = 2_000;

    private TrainingRecord()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public Guid StaffId { get; private init; }
    public Guid PolicyId { get; private init; }
    public int PolicyVersion { get; private init; }
    public DateTimeOffset TrainedAt { get; private init; }
    public string Trainer { get; private init; } = "";
    public string? Notes { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }

    public static TrainingRecord Record(StaffMember staff, PolicyVersion version, DateTimeOffset trainedAt, string trainer, string? notes, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = staff.TenantId,
        StaffId = staff.Id,
        PolicyId = version.PolicyId,
        PolicyVersion = version.Number,
        TrainedAt = trainedAt,
        Trainer = trainer,
        Notes = notes,
        RecordedAt = now,
    };
}
