using System.Text.Json.Serialization;

namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>
/// What a standard holds the business to, as one version fixes it. Changing any of it makes a new version, so a
/// measurement or a complaint deadline can always say which terms it was held to.
/// </summary>
/// <param name="Warning">Where "at risk" starts, on the safe side of the target; null for no warning.</param>
/// <param name="Branches">The branch codes it applies to; empty for every branch.</param>
/// <param name="Severity">For complaint-time metrics only: the one severity it applies to; null for every severity.</param>
public sealed record StandardTerms(
    [property: JsonConverter(typeof(JsonStringEnumConverter<Comparator>))] Comparator Comparator,
    decimal Target,
    decimal? Warning,
    IReadOnlyList<string> Branches,
    [property: JsonConverter(typeof(JsonStringEnumConverter<StandardSeverity>))] StandardSeverity? Severity,
    PolicyClauseReference? Policy)
{
    public const int MaxBranches = 100;
    public const int MaxBranchLength = 50;

    [JsonIgnore]
    public bool AppliesToAllBranches => Branches.Count == 0;

    /// <summary>Same terms, comparing the branch list by content (record equality compares the list by reference).</summary>
    public bool SameAs(StandardTerms other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Comparator == other.Comparator && Target == other.Target && Warning == other.Warning
            && Severity == other.Severity && Policy == other.Policy && Branches.SequenceEqual(other.Branches, StringComparer.Ordinal);
    }
}
