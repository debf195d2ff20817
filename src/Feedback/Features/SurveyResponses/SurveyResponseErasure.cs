using CustomerPlatform.Feedback.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Feedback.Features.SurveyResponses;

/// <summary>The survey responses' part of a customer's erasure: their free-text answers go, scores and choices stay.</summary>
internal static class SurveyResponseErasure
{
    /// <summary>Clears the texts in the tracked responses; the caller's SaveChanges writes them with its inbox row.</summary>
    public static async Task EraseAsync(FeedbackDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        // Answers are one jsonb document per response, so the texts are cleared in the entity, not by a bulk update.
        var responses = await db.SurveyResponses.Where(response => response.CustomerId == customerId).ToListAsync(cancellationToken);
        foreach (var response in responses)
        {
            response.EraseFreeText();
        }
    }
}
