namespace CustomerPlatform.Standards.Domain.Scorecards;

/// <summary>One named reason a standard was breached, e.g. the complaint whose deadline passed.</summary>
/// <param name="Kind">What <see cref="Id"/> names: <c>complaint</c> for now.</param>
/// <param name="Detail">A short, personal-data-free explanation, e.g. "resolution due 2026-11-20T17:00Z, resolved 2026-11-21T09:12Z".</param>
public sealed record StandardFailing(string Kind, Guid Id, string Detail);
