namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>The customer's answer to the survey sent after their complaint was resolved, and whether it won them back.</summary>
/// <param name="ResponseId">The follow-up survey response.</param>
/// <param name="Nps">Its likelihood-to-recommend answer, 0 to 10, when asked and answered.</param>
/// <param name="Csat">Its satisfaction answer, 1 to 5, when asked and answered.</param>
/// <param name="Recovered">See <see cref="ComplaintRecovery.IsRecovered"/>.</param>
/// <param name="AnsweredAt">When the customer answered.</param>
public sealed record ComplaintFollowUp(Guid ResponseId, int? Nps, int? Csat, bool Recovered, DateTimeOffset AnsweredAt);
