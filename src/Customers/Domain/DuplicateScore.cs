namespace CustomerPlatform.Customers.Domain;

/// <summary>How likely two customers are one, from the reasons found: each adds its weight, capped at 1.</summary>
public static class DuplicateScore
{
    public const double MinNameSimilarity = 0.6;
    public const decimal EmailWeight = 0.9m;
    public const decimal PhoneWeight = 0.8m;
    public const decimal NameAndPostcodeWeight = 0.6m;

    /// <summary>
    /// The score, 0 to 1, rounded to 3 places. A name match weighs 0.6 at the threshold similarity and up to 0.8 for
    /// identical names; <paramref name="nameSimilarity"/> counts only with <see cref="DuplicateReason.NameAndPostcode"/>.
    /// </summary>
    public static decimal Of(IReadOnlyCollection<DuplicateReason> reasons, double nameSimilarity)
    {
        var score = 0m;
        if (reasons.Contains(DuplicateReason.Email))
        {
            score += EmailWeight;
        }

        if (reasons.Contains(DuplicateReason.Phone))
        {
            score += PhoneWeight;
        }

        if (reasons.Contains(DuplicateReason.NameAndPostcode))
        {
            var bonus = Math.Clamp((nameSimilarity - MinNameSimilarity) / (1 - MinNameSimilarity), 0, 1) * 0.2;
            score += NameAndPostcodeWeight + (decimal)bonus;
        }

        return Math.Round(Math.Min(score, 1m), 3);
    }

    /// <summary>
    /// A pair in one canonical order (the lower id first, compared as PostgreSQL compares <c>uuid</c>, byte by byte
    /// in the text order), so (a, b) and (b, a) are the same pair in storage and in cursors.
    /// </summary>
    public static (Guid First, Guid Second) Pair(Guid one, Guid other) =>
        string.CompareOrdinal(one.ToString("N"), other.ToString("N")) <= 0 ? (one, other) : (other, one);

    /// <summary>An upper-case postcode without spaces, or null when there is none.</summary>
    public static string? PostcodeKey(string? postcode)
    {
        var key = postcode?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return string.IsNullOrEmpty(key) ? null : key;
    }
}
