namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>What a code list may hold: distinct, short, URL- and report-safe codes with a label each.</summary>
public static class ComplaintCodeRules
{
    /// <summary>
    /// The list as it will be stored (code to label, trimmed), or an empty one with <paramref name="errors"/> filled,
    /// keyed by JSON path (<c>items[2].code</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Normalise(IReadOnlyList<(string? Code, string? Label)?>? items, IDictionary<string, string[]> errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (items is null)
        {
            errors["items"] = ["The list is required (it may be empty)."];
            return result;
        }

        if (items.Count > ComplaintCode.MaxEntries)
        {
            errors["items"] = [$"At most {ComplaintCode.MaxEntries} entries."];
            return result;
        }

        for (var index = 0; index < items.Count; index++)
        {
            if (items[index] is not { } item)
            {
                errors[$"items[{index}]"] = ["An entry cannot be null."];
                continue;
            }

            var code = item.Code?.Trim() ?? "";
            var label = item.Label?.Trim() ?? "";
            if (!IsValidCode(code))
            {
                errors[$"items[{index}].code"] = [$"1 to {Complaint.MaxCodeLength} letters, digits, '-', '_' or '.'."];
            }
            else if (result.ContainsKey(code))
            {
                errors[$"items[{index}].code"] = [$"'{code}' is listed twice."];
            }

            if (label.Length is 0 or > ComplaintCode.MaxLabelLength)
            {
                errors[$"items[{index}].label"] = [$"1 to {ComplaintCode.MaxLabelLength} characters."];
            }

            if (IsValidCode(code) && label.Length is > 0 and <= ComplaintCode.MaxLabelLength)
            {
                result.TryAdd(code, label);
            }
        }

        return errors.Count > 0 ? new Dictionary<string, string>() : result;
    }

    public static bool IsValidCode(string code) =>
        code.Length is > 0 and <= Complaint.MaxCodeLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
