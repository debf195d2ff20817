using System.Text.Json.Serialization;

namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>How much business time a case of one severity (or, with none, of any other) may take to be acknowledged and resolved.</summary>
/// <param name="AcknowledgeStandard">The Standards standard version the acknowledge target comes from; null when the business set it.</param>
/// <param name="ResolveStandard">The same for the resolve target.</param>
public sealed record ComplaintTarget(
    [property: JsonConverter(typeof(JsonStringEnumConverter<ComplaintSeverity>))] ComplaintSeverity? Severity,
    int AcknowledgeWithinMinutes,
    int ResolveWithinMinutes,
    StandardReference? AcknowledgeStandard = null,
    StandardReference? ResolveStandard = null)
{
    /// <summary>A year of round-the-clock business time: beyond it a target is a typing mistake.</summary>
    public const int MaxMinutes = 365 * 24 * 60;
}
