using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.Interactions;

/// <summary>A recorded interaction with a customer.</summary>
/// <param name="Topics">Topic tags, lower case.</param>
/// <param name="FollowUp">The follow-up owed to the customer; absent when none is.</param>
public sealed record InteractionResponse(
    Guid Id,
    Guid CustomerId,
    InteractionChannel Channel,
    InteractionPurpose Purpose,
    IReadOnlyList<string> Topics,
    string Summary,
    string? StaffMember,
    string Branch,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    FollowUpResponse? FollowUp)
{
    public static InteractionResponse From(Interaction interaction) =>
        new(
            interaction.Id,
            interaction.CustomerId,
            interaction.Channel,
            interaction.Purpose,
            interaction.Topics,
            interaction.Summary,
            interaction.StaffMember,
            interaction.Branch,
            interaction.OccurredAt,
            interaction.RecordedAt,
            interaction.FollowUpDueAt is { } dueAt
                ? new FollowUpResponse(dueAt, interaction.FollowUpCompletedAt, interaction.FollowUpCompletedBy, interaction.FollowUpNote)
                : null);
}

/// <summary>A follow-up: open until <paramref name="CompletedAt"/> is set.</summary>
public sealed record FollowUpResponse(DateTimeOffset DueAt, DateTimeOffset? CompletedAt, string? CompletedBy, string? Note);

/// <summary>A page of interactions; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record InteractionPageResponse(IReadOnlyList<InteractionResponse> Items, string? NextCursor);
