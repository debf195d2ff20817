using CustomerPlatform.Standards.Domain;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.CountFacts;

/// <summary>The one way a fact is added to its branch's day: every consumer of this folder ends here.</summary>
internal static class BranchDayCountsUpsert
{
    /// <summary>
    /// Adds <paramref name="counted"/> to the stored row in one atomic upsert. A busy branch's row is hot:
    /// read-modify-write lost to concurrency conflicts and retries under load, the database adding in place does not.
    /// </summary>
    public static Task AddAsync(StandardsDbContext db, BranchDayCounts counted, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO branch_day_counts (tenant_id, branch, day, promoters, passives, detractors, csat_answers, csat_satisfied,
                ces_answers, ces_total, survey_responses, survey_invitations, purchases, complaints_opened, compensation_amount)
            VALUES ({counted.TenantId}, {counted.Branch}, {counted.Day}, {counted.Promoters}, {counted.Passives}, {counted.Detractors},
                {counted.CsatAnswers}, {counted.CsatSatisfied}, {counted.CesAnswers}, {counted.CesTotal}, {counted.SurveyResponses},
                {counted.SurveyInvitations}, {counted.Purchases}, {counted.ComplaintsOpened}, {counted.CompensationAmount})
            ON CONFLICT (tenant_id, branch, day) DO UPDATE SET
                promoters = branch_day_counts.promoters + excluded.promoters,
                passives = branch_day_counts.passives + excluded.passives,
                detractors = branch_day_counts.detractors + excluded.detractors,
                csat_answers = branch_day_counts.csat_answers + excluded.csat_answers,
                csat_satisfied = branch_day_counts.csat_satisfied + excluded.csat_satisfied,
                ces_answers = branch_day_counts.ces_answers + excluded.ces_answers,
                ces_total = branch_day_counts.ces_total + excluded.ces_total,
                survey_responses = branch_day_counts.survey_responses + excluded.survey_responses,
                survey_invitations = branch_day_counts.survey_invitations + excluded.survey_invitations,
                purchases = branch_day_counts.purchases + excluded.purchases,
                complaints_opened = branch_day_counts.complaints_opened + excluded.complaints_opened,
                compensation_amount = branch_day_counts.compensation_amount + excluded.compensation_amount
            """,
            cancellationToken);
}
