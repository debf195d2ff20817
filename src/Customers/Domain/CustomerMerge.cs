using System.Text.Json;

namespace CustomerPlatform.Customers.Domain;

/// <summary>The pure rules of merging one customer's record into another's.</summary>
public static class CustomerMerge
{
    /// <summary>
    /// The survivor's details with the merged customer's added: e-mails, phones and tags united without repeats (the
    /// survivor's first, so its primary stays primary; within the usual limits), and every field the survivor lacks
    /// filled from the merged one. Where both have a value, the survivor's wins.
    /// </summary>
    public static CustomerDetails UniteContacts(CustomerDetails survivor, CustomerDetails merged)
    {
        var ratingFromMerged = survivor.Rating is null && merged.Rating is not null;
        var attributes = new Dictionary<string, JsonElement>(survivor.Attributes, StringComparer.Ordinal);
        foreach (var (key, value) in merged.Attributes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (attributes.Count < CustomerDetails.MaxAttributes)
            {
                attributes.TryAdd(key, value);
            }
        }

        return survivor with
        {
            GivenName = survivor.GivenName ?? merged.GivenName,
            FamilyName = survivor.FamilyName ?? merged.FamilyName,
            CompanyName = survivor.CompanyName ?? merged.CompanyName,
            ContactPerson = survivor.ContactPerson ?? merged.ContactPerson,
            Emails = Unite(survivor.Emails, merged.Emails, CustomerDetails.MaxContactPoints),
            Phones = Unite(survivor.Phones, merged.Phones, CustomerDetails.MaxContactPoints),
            Address = survivor.Address ?? merged.Address,
            PreferredChannel = survivor.PreferredChannel ?? merged.PreferredChannel,
            PreferredLanguage = survivor.PreferredLanguage ?? merged.PreferredLanguage,
            HomeBranch = survivor.HomeBranch ?? merged.HomeBranch,
            DateOfBirth = survivor.DateOfBirth ?? merged.DateOfBirth,
            SpecialNeeds = survivor.SpecialNeeds ?? merged.SpecialNeeds,
            AccessibilityNotes = survivor.AccessibilityNotes ?? merged.AccessibilityNotes,
            // A rating and its reason travel together: a reason never explains someone else's rating.
            Rating = ratingFromMerged ? merged.Rating : survivor.Rating,
            RatingReason = ratingFromMerged ? merged.RatingReason : survivor.RatingReason,
            Tags = Unite(survivor.Tags, merged.Tags, CustomerDetails.MaxTags),
            Attributes = attributes,
        };
    }

    /// <summary>
    /// The current consent per channel from a consent history: the decision that occurred last wins (recorded last
    /// breaks a tie), as <see cref="Customer.RecordConsent"/> decides one record at a time.
    /// </summary>
    public static Dictionary<ContactChannel, ConsentState> CurrentConsent(IEnumerable<ConsentRecord> history) =>
        history
            .GroupBy(record => record.Channel)
            .ToDictionary(
                channel => channel.Key,
                channel => Latest(channel));

    private static ConsentState Latest(IEnumerable<ConsentRecord> decisions)
    {
        var latest = decisions.OrderBy(record => record.OccurredAt).ThenBy(record => record.RecordedAt).Last();
        return new ConsentState(latest.Granted, latest.OccurredAt);
    }

    private static List<string> Unite(IReadOnlyList<string> first, IReadOnlyList<string> second, int max) =>
        [.. first.Concat(second).Distinct(StringComparer.Ordinal).Take(Math.Max(max, first.Count))];
}
