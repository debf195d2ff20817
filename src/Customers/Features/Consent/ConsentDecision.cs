using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.Consent;

/// <summary>A customer's marketing-consent decision for one channel.</summary>
/// <param name="Channel"><c>email</c>, <c>sms</c>, <c>phone</c> or <c>post</c>.</param>
/// <param name="Granted">True when the customer agrees, false when they refuse or withdraw.</param>
/// <param name="Source">Where it was given: a branch code, "web form", "phone call"...; the home branch (or "registration") when left out at sign-up.</param>
/// <param name="RecordedBy">The staff member or system recording it.</param>
/// <param name="OccurredAt">When the customer decided (e.g. the date on a paper form); now when left out.</param>
public sealed record ConsentDecision(ContactChannel? Channel, bool? Granted, string? Source, string? RecordedBy, DateTimeOffset? OccurredAt)
{
    public ConsentRecord ToRecord(Customer customer, string defaultSource, DateTimeOffset now) =>
        ConsentRecord.Record(customer, Channel!.Value, Granted!.Value, string.IsNullOrWhiteSpace(Source) ? defaultSource : Source, RecordedBy, OccurredAt, now);

    /// <summary>The decisions, each complete, at most one per channel, none in the future; or the field errors under <paramref name="field"/>.</summary>
    public static IReadOnlyList<ConsentDecision> CheckAll(IReadOnlyList<ConsentDecision?>? decisions, string field, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (decisions is null)
        {
            return [];
        }

        var channels = new HashSet<ContactChannel>();
        for (var index = 0; index < decisions.Count; index++)
        {
            var path = $"{field}[{index}]";
            var decision = decisions[index];
            if (decision is null)
            {
                errors[path] = ["A consent decision is required here."];
                continue;
            }

            if (decision.Channel is null)
            {
                errors[$"{path}.channel"] = ["A channel is required: email, sms, phone or post."];
            }
            else if (!channels.Add(decision.Channel.Value))
            {
                errors[$"{path}.channel"] = ["One decision per channel."];
            }

            if (decision.Granted is null)
            {
                errors[$"{path}.granted"] = ["Say whether consent is granted (true) or withdrawn (false)."];
            }

            if (decision.Source?.Trim().Length > 100)
            {
                errors[$"{path}.source"] = ["At most 100 characters."];
            }

            if (decision.RecordedBy?.Trim().Length > 100)
            {
                errors[$"{path}.recordedBy"] = ["At most 100 characters."];
            }

            // A few minutes' grace for clocks on tills and phones running ahead of ours.
            if (decision.OccurredAt > now.AddMinutes(5))
            {
                errors[$"{path}.occurredAt"] = ["A consent decision cannot be in the future."];
            }
        }

        return [.. decisions.OfType<ConsentDecision>()];
    }
}
