using System.Text.Json;

namespace CustomerPlatform.Customers.Domain;

/// <summary>A checked segment condition, in the terms the SQL compiler needs (values as stored, never as sent).</summary>
public abstract record SegmentFilter;

/// <summary>Holds when any of <paramref name="Filters"/> does.</summary>
public sealed record AnyOfFilter(IReadOnlyList<SegmentFilter> Filters) : SegmentFilter;

/// <summary>The field's stored value is one of <paramref name="Values"/> (status, kind, home branch, RFM cell, value tier).</summary>
public sealed record ValueInFilter(SegmentField Field, IReadOnlyList<string> Values) : SegmentFilter;

/// <summary>The customer has any (or all) of the tags.</summary>
public sealed record TagsFilter(IReadOnlyList<string> Tags, bool All) : SegmentFilter;

/// <summary>A number field (rating, purchase count, total spent, a score) compared with <paramref name="Value"/>.</summary>
public sealed record NumberFilter(SegmentField Field, SegmentOperator Op, decimal Value) : SegmentFilter;

/// <summary>Days since a moment (last purchase, registration) compared with <paramref name="Days"/>.</summary>
public sealed record DaysSinceFilter(SegmentField Field, SegmentOperator Op, int Days) : SegmentFilter;

/// <summary>Marketing consent is currently granted for the channel.</summary>
public sealed record ConsentFilter(ContactChannel Channel) : SegmentFilter;

/// <summary>A custom attribute exists, equals, or is greater or less than a value of its type.</summary>
public sealed record AttributeFilter(string Key, CustomAttributeType Type, SegmentOperator Op, JsonElement? Value) : SegmentFilter;

/// <summary>The customer has no purchases (or, with false, has some).</summary>
public sealed record ProspectFilter(bool IsProspect) : SegmentFilter;
