namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>
/// One numbered clause of a policy version. <paramref name="Key"/> is what a measurable standard refers to (with the
/// policy's id), so it stays the same from version to version while the wording may change.
/// </summary>
/// <param name="Key">Unique within the version: <see cref="Slugs.Rule"/>.</param>
/// <param name="Text">The clause as staff (and, when public, customers) read it.</param>
/// <param name="Public">Whether it is part of the customer-facing service charter.</param>
public sealed record PolicyClause(string Key, string Text, bool Public);
