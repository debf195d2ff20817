using System.Text.RegularExpressions;

namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>The keys of areas, clauses and templates: lower-case words joined by hyphens (<c>complaints-handling</c>).</summary>
public static partial class Slugs
{
    public const int MaxLength = 50;

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(key);

    public const string Rule = "1 to 50 lower-case letters or digits in words joined by single hyphens, starting with a letter (e.g. complaints-handling).";

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
