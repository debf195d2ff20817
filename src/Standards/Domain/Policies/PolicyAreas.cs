namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>The areas every business has; a business adds its own beside them (<see cref="PolicyArea"/>).</summary>
public static class PolicyAreas
{
    public const string ComplaintsHandling = "complaints-handling";
    public const string RefundsAndCancellation = "refunds-and-cancellation";
    public const string ResponseTimes = "response-times";

    /// <summary>Key and name of each built-in area, in the order a charter lists them.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> BuiltIn =
    [
        (ComplaintsHandling, "Complaints handling"),
        (RefundsAndCancellation, "Refunds and cancellation fees"),
        (ResponseTimes, "Response times"),
        ("greeting-and-presentation", "Greeting and presentation"),
        ("pricing-and-guarantees", "Pricing and service guarantees"),
        ("privacy", "Privacy"),
        ("loyalty-terms", "Loyalty program terms"),
    ];

    public static bool IsBuiltIn(string key) => BuiltIn.Any(area => area.Key == key);
}
