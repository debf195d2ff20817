namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// Topic tags as the needs report counts them: one spelling per topic, so "Opening Hours " and "opening  hours"
/// are the same trend line.
/// </summary>
public static class InteractionTopics
{
    public const int MaxCount = 20;
    public const int MaxLength = 50;

    /// <summary>
    /// Trims, lower-cases, collapses inner whitespace and removes duplicates (first spelling's position kept).
    /// Returns the errors by field (<c>topics</c> or <c>topics[i]</c>) instead of throwing, so a client learns every
    /// problem at once.
    /// </summary>
    public static IReadOnlyList<string> Normalise(IReadOnlyList<string?>? raw, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (raw is null)
        {
            return [];
        }

        var topics = new List<string>(raw.Count);
        for (var index = 0; index < raw.Count; index++)
        {
            var topic = NormaliseOne(raw[index]);
            if (topic is null || topic.Length is 0 or > MaxLength)
            {
                errors[$"topics[{index}]"] = [$"A topic has 1 to {MaxLength} characters (after trimming)."];
            }
            else if (topic.Any(char.IsControl))
            {
                errors[$"topics[{index}]"] = ["A topic cannot contain control characters."];
            }
            else if (!topics.Contains(topic, StringComparer.Ordinal))
            {
                topics.Add(topic);
            }
        }

        if (topics.Count > MaxCount)
        {
            errors["topics"] = [$"At most {MaxCount} different topics."];
        }

        return topics;
    }

    private static string? NormaliseOne(string? topic) =>
        topic is null ? null : string.Join(' ', topic.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
