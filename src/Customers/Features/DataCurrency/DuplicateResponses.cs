using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.DataCurrency;

/// <summary>One side of a possible duplicate: enough to tell the two apart at a glance.</summary>
/// <param name="Email">The primary e-mail.</param>
/// <param name="Phone">The primary phone.</param>
/// <param name="PostalCode">The postcode, normalised (upper case, no spaces).</param>
public sealed record DuplicateCustomerSummary(Guid Id, string DisplayName, string? Email, string? Phone, string? PostalCode);

/// <summary>Two customers who may be the same person.</summary>
/// <param name="A">One customer (for a customer's own list, that customer).</param>
/// <param name="B">The other customer.</param>
/// <param name="Reasons">What they share: <c>email</c>, <c>phone</c>, <c>nameAndPostcode</c> (similar names at one postcode).</param>
/// <param name="Score">How likely they are one person, 0 to 1: e-mail 0.9, phone 0.8, name and postcode 0.6 to 0.8; reasons add up to at most 1.</param>
public sealed record DuplicatePairResponse(DuplicateCustomerSummary A, DuplicateCustomerSummary B, IReadOnlyList<DuplicateReason> Reasons, decimal Score);

/// <summary>A page of the business's possible duplicates, most likely first.</summary>
/// <param name="ScannedAt">When the business's customers were last compared (every few minutes); null before the first comparison.</param>
public sealed record DuplicatePairPage(IReadOnlyList<DuplicatePairResponse> Items, string? NextCursor, DateTimeOffset? ScannedAt);

/// <summary>A customer's possible duplicates, most likely first, found as of now.</summary>
public sealed record CustomerDuplicatesResponse(IReadOnlyList<DuplicatePairResponse> Items);

/// <summary>A pair dismissed as not duplicates.</summary>
public sealed record DuplicateDismissalResponse(Guid A, Guid B, DateTimeOffset DismissedAt);
