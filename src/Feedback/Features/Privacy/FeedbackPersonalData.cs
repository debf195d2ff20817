using CustomerPlatform.Feedback.Features.Complaints;
using CustomerPlatform.Feedback.Features.RecordFeedback;
using CustomerPlatform.Feedback.Features.SurveyResponses;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.Privacy;

/// <summary>What Feedback holds about one customer: the Feedback section of the personal-data export.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Items">Every feedback item given with the customer's id, newest first.</param>
/// <param name="Complaints">Every complaint case naming the customer, with its history, newest first.</param>
/// <param name="SurveyResponses">Every survey response naming the customer, newest answered first.</param>
public sealed record FeedbackPersonalDataResponse(
    Guid CustomerId, IReadOnlyList<FeedbackResponse> Items, IReadOnlyList<ComplaintResponse> Complaints, IReadOnlyList<SurveySubmissionResponse> SurveyResponses);

/// <summary>
/// <c>GET /api/v1/feedback/personal-data/{customerId}</c>, composed by the gateway into the customer's export. Feedback
/// does not know customers, only feedback naming them: 404 means it holds nothing about this customer for the business.
/// </summary>
public static class FeedbackPersonalData
{
    public static RouteHandlerBuilder MapFeedbackPersonalData(this RouteGroupBuilder group) =>
        group.MapGet("/personal-data/{customerId:guid}", HandleAsync).WithName("GetFeedbackPersonalData");

    /// <summary>Every feedback item, complaint and survey response naming the customer; 404 when there is none (also for another business's customer).</summary>
    public static async Task<Results<Ok<FeedbackPersonalDataResponse>, ProblemHttpResult>> HandleAsync(
        Guid customerId, FeedbackDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var items = await db.FeedbackItems.AsNoTracking()
            .Where(item => item.CustomerId == customerId)
            .OrderByDescending(item => item.ReceivedAt).ThenByDescending(item => item.Id)
            .ToListAsync(cancellationToken);
        var complaints = await db.Complaints.AsNoTracking().AsSplitQuery()
            .Include(complaint => complaint.Transitions)
            .Include(complaint => complaint.Notes)
            .Include(complaint => complaint.Attachments)
            .Include(complaint => complaint.Compensations)
            .Include(complaint => complaint.Waits)
            .Where(complaint => complaint.CustomerId == customerId)
            .OrderByDescending(complaint => complaint.ReceivedAt).ThenByDescending(complaint => complaint.Id)
            .ToListAsync(cancellationToken);
        var surveyResponses = await db.SurveyResponses.AsNoTracking()
            .Where(response => response.CustomerId == customerId)
            .OrderByDescending(response => response.AnsweredAt).ThenByDescending(response => response.Id)
            .ToListAsync(cancellationToken);
        return items.Count == 0 && complaints.Count == 0 && surveyResponses.Count == 0
            ? Problems.NotFound("personal data of customer", customerId)
            : TypedResults.Ok(new FeedbackPersonalDataResponse(
                customerId,
                [.. items.Select(FeedbackResponse.Of)],
                [.. complaints.Select(complaint => ComplaintResponse.From(complaint, clock.GetUtcNow()))],
                [.. surveyResponses.Select(SurveySubmissionResponse.From)]));
    }
}
