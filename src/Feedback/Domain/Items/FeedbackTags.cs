using System.Text;

namespace CustomerPlatform.Feedback.Domain.Items;

/// <summary>
/// Tags as stored and filtered: trimmed, lower case, inner whitespace as one '-', distinct, in the order given, so
/// "Long Queue" and "long-queue" are one tag.
/// </summary>
public static class FeedbackTags
{
    public const int MaxCount = 20;
    public const int MaxLength = 40;

    /// <summary>The normalised tag, or null when nothing is left of it.</summary>
    public static string? Normalise(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var builder = new StringBuilder(tag.Length);
        var pendingDash = false;
        foreach (var c in tag.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingDash = true;
                continue;
            }

            if (pendingDash)
            {
                builder.Append('-');
                pendingDash = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The normalised, distinct tags; errors under <paramref name="field"/> for too many, blank or too long ones.</summary>
    public static IReadOnlyList<string> Read(IReadOnlyList<string?>? tags, string field, IDictionary<string, string[]> errors)
    {
        if (tags is null || tags.Count == 0)
        {
            return [];
        }

        var read = new List<string>(tags.Count);
        for (var index = 0; index < tags.Count; index++)
        {
            var tag = Normalise(tags[index]);
            if (tag is null || tag.Length > MaxLength || tag.Any(char.IsControl))
            {
                errors[$"{field}[{index}]"] = [$"A tag of 1 to {MaxLength} characters."];
            }
            else if (!read.Contains(tag, StringComparer.Ordinal))
            {
                read.Add(tag);
            }
        }

        if (read.Count > MaxCount)
        {
            errors[field] = [$"At most {MaxCount} distinct tags."];
        }

        return read;
    }
}
