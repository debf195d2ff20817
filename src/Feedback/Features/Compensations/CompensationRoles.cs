namespace CustomerPlatform.Feedback.Features.Compensations;

/// <summary>What the compensation endpoints share: paths and the checks of their text fields.</summary>
internal static class CompensationRoles
{
    public const string Unknown = "Not one of the business's roles (see GET /api/v1/feedback/compensation-limits).";

    public static string PathOf(Guid complaintId, Guid compensationId) =>
        $"/api/v1/feedback/complaints/{complaintId}/compensations/{compensationId}";

    public static void RequireText(Dictionary<string, string[]> errors, string field, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > maxLength)
        {
            errors[field] = [$"1 to {maxLength} characters."];
        }
    }
}
