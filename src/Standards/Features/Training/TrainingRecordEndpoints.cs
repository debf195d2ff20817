using System.ComponentModel.DataAnnotations;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Training;

/// <summary>That a staff member was trained on a policy version.</summary>
/// <param name="StaffId">Who was trained.</param>
/// <param name="PolicyId">On which policy.</param>
/// <param name="Version">Which version of it (published or retired; not a draft).</param>
/// <param name="TrainedAt">When (not in the future).</param>
/// <param name="Trainer">Who trained them, 1 to 200 characters.</param>
/// <param name="Notes">Anything worth keeping, up to 2,000 characters.</param>
public sealed record RecordTrainingRequest(
    [property: Required] Guid? StaffId,
    [property: Required] Guid? PolicyId,
    [property: Required, Range(1, int.MaxValue)] int? Version,
    [property: Required] DateTimeOffset? TrainedAt,
    [property: Required, StringLength(TrainingRecord.MaxTrainerLength, MinimumLength = 1)] string Trainer,
    [property: StringLength(TrainingRecord.MaxNotesLength)] string? Notes);

public sealed record TrainingRecordResponse(
    Guid Id, Guid StaffId, Guid PolicyId, int Version, DateTimeOffset TrainedAt, string Trainer, string? Notes, DateTimeOffset RecordedAt)
{
    public static TrainingRecordResponse From(TrainingRecord record) =>
        new(record.Id, record.StaffId, record.PolicyId, record.PolicyVersion, record.TrainedAt, record.Trainer, record.Notes, record.RecordedAt);
}

public sealed record TrainingRecordPageResponse(IReadOnlyList<TrainingRecordResponse> Items, string? NextCursor);

public static class TrainingRecordEndpoints
{
    public static void MapTrainingRecords(this RouteGroupBuilder standards)
    {
        var records = standards.MapGroup("/training-records").WithTags("Training");
        records.MapPost("", RecordAsync).WithName("RecordTraining").WithIdempotency<StandardsDbContext>();
        records.MapGet("", ListAsync).WithName("ListTrainingRecords");
    }

    /// <summary>Records a training session; 400 naming the field when the staff member, policy or version is unknown or a draft.</summary>
    public static async Task<Results<Created<TrainingRecordResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        RecordTrainingRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var trainer = request.Trainer?.Trim() ?? "";
        if (trainer.Length is 0 or > TrainingRecord.MaxTrainerLength)
        {
            errors["trainer"] = [$"1 to {TrainingRecord.MaxTrainerLength} characters."];
        }

        if (request.TrainedAt > now)
        {
            errors["trainedAt"] = ["Training is recorded once it has happened: not a time in the future."];
        }

        var staff = request.StaffId is { } staffId
            ? await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == staffId, cancellationToken)
            : null;
        if (staff is null)
        {
            errors["staffId"] = ["An id of a listed staff member."];
        }

        var version = request.PolicyId is { } policyId && request.Version is { } number
            ? await db.PolicyVersions.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.PolicyId == policyId && candidate.Number == number, cancellationToken)
            : null;
        if (version is null || version.Status == PolicyVersionStatus.Draft)
        {
            errors["version"] = ["A published (or retired) version of the policy: staff are trained on what was put in force."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!tenant.MayActFor(staff!.Branch))
        {
            return Problems.OtherBranch(staff.Branch);
        }

        var notes = request.Notes?.Trim();
        var record = TrainingRecord.Record(staff, version!, request.TrainedAt!.Value, trainer, notes is { Length: > 0 } ? notes : null, now);
        db.TrainingRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/standards/training-records?staffId={staff.Id}", TrainingRecordResponse.From(record));
    }

    /// <summary>Training records, oldest session first: who was trained on what, when and by whom.</summary>
    /// <param name="staffId">Only this staff member's.</param>
    /// <param name="policyId">Only those on this policy (any version).</param>
    /// <param name="limit">Page size, 1 to 200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<TrainingRecordPageResponse>, ValidationProblem>> ListAsync(
        StandardsDbContext db, CancellationToken cancellationToken, Guid? staffId = null, Guid? policyId = null, string? limit = null, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.TrainingRecords.AsNoTracking();
        if (staffId is { } staff)
        {
            query = query.Where(record => record.StaffId == staff);
        }

        if (policyId is { } policy)
        {
            query = query.Where(record => record.PolicyId == policy);
        }

        if (after is { } position)
        {
            query = query.Where(record =>
                EF.Functions.GreaterThan(ValueTuple.Create(record.TrainedAt, record.Id), ValueTuple.Create(position.At, position.Id)));
        }

        var page = await query.OrderBy(record => record.TrainedAt).ThenBy(record => record.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? nextCursor = null;
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            nextCursor = PageCursor.At(page[^1].TrainedAt, page[^1].Id).Encode();
        }

        return TypedResults.Ok(new TrainingRecordPageResponse([.. page.Select(TrainingRecordResponse.From)], nextCursor));
    }
}
