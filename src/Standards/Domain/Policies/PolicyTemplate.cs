namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>A starting point the platform ships for an area: the business makes a draft from it and edits it.</summary>
/// <param name="Key">The template's key (<see cref="Slugs.Rule"/>).</param>
/// <param name="Area">The built-in area it is written for.</param>
/// <param name="ReviewAfterMonths">How long after its effective date a draft made from it is due for review.</param>
public sealed record PolicyTemplate(string Key, string Area, string Title, string Body, IReadOnlyList<PolicyClause> Clauses, int ReviewAfterMonths);
