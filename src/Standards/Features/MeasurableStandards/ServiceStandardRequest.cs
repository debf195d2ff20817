using System.Globalization;
using CustomerPlatform.Standards.Domain.Measurable;

namespace CustomerPlatform.Standards.Features.MeasurableStandards;

/// <summary>The policy clause a standard puts into numbers.</summary>
/// <param name="ClauseKey">The clause's key within the policy, 1 to 100 characters.</param>
public sealed record PolicyClauseRequest(Guid? PolicyId, string? ClauseKey);

/// <summary>A standard as created, or as changed (a change of its terms is a new version).</summary>
/// <param name="Name">1 to 200 characters.</param>
/// <param name="Metric">A code from <c>GET /api/v1/standards/metrics</c>; cannot change once created.</param>
/// <param name="Comparator">atMost or atLeast, as the metric allows.</param>
/// <param name="Target">Within the metric's range; whole minutes for complaint times.</param>
/// <param name="WarningThreshold">Optional: where "at risk" starts, strictly on the safe side of the target and within the range.</param>
/// <param name="Branches">Branch codes it applies to; omitted or empty for every branch.</param>
/// <param name="Severity">Complaint-time metrics only: the one severity it applies to; omitted for every severity.</param>
/// <param name="Policy">Optional: the policy clause it measures.</param>
public sealed record ServiceStandardRequest(
    string? Name,
    string? Metric,
    Comparator? Comparator,
    decimal? Target,
    decimal? WarningThreshold,
    IReadOnlyList<string?>? Branches,
    StandardSeverity? Severity,
    PolicyClauseRequest? Policy)
{
    /// <summary>The metric and terms when the request is valid against the catalogue; otherwise null, with field errors.</summary>
    public (MetricDefinition Metric, StandardTerms Terms)? Read(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > ServiceStandard.MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {ServiceStandard.MaxNameLength} characters is required."];
        }

        var metric = MetricCatalogue.Find(Metric?.Trim());
        if (metric is null)
        {
            errors["metric"] = ["One of the metric codes of GET /api/v1/standards/metrics is required."];
        }

        var branches = ReadBranches(errors);
        var policy = ReadPolicy(errors);
        if (metric is null)
        {
            return null;
        }

        if (Comparator is not { } comparator || !metric.Comparators.Contains(comparator))
        {
            errors["comparator"] = [$"For {metric.Code}: {string.Join(" or ", metric.Comparators.Select(Wire))}."];
        }

        CheckValue(Target, "target", metric, errors, required: true);
        if (WarningThreshold is { } warning && CheckValue(warning, "warningThreshold", metric, errors, required: false)
            && Target is { } target && Comparator is { } held && metric.Comparators.Contains(held))
        {
            // The warning comes before the breach: below a ceiling, above a floor.
            var safe = held == Domain.Measurable.Comparator.AtMost ? warning < target : warning > target;
            if (!safe)
            {
                errors["warningThreshold"] = [held == Domain.Measurable.Comparator.AtMost
                    ? "With atMost, the warning threshold must be below the target."
                    : "With atLeast, the warning threshold must be above the target."];
            }
        }

        if (Severity is not null && !metric.BySeverity)
        {
            errors["severity"] = [$"Only complaint-time standards name a severity; {metric.Code} does not."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return (metric, new StandardTerms(Comparator!.Value, Target!.Value, WarningThreshold, branches!, Severity, policy));
    }

    private static bool CheckValue(decimal? value, string field, MetricDefinition metric, IDictionary<string, string[]> errors, bool required)
    {
        var range = $"{Number(metric.Minimum)} to {Number(metric.Maximum)}{(metric.WholeNumbers ? ", a whole number" : "")} ({Wire(metric.Unit)})";
        if (value is not { } number)
        {
            if (required)
            {
                errors[field] = [$"Required: {range}."];
            }

            return false;
        }

        if (number < metric.Minimum || number > metric.Maximum || (metric.WholeNumbers && number != decimal.Truncate(number)))
        {
            errors[field] = [$"For {metric.Code}: {range}."];
            return false;
        }

        return true;
    }

    private List<string>? ReadBranches(IDictionary<string, string[]> errors)
    {
        if (Branches is null)
        {
            return [];
        }

        if (Branches.Count > StandardTerms.MaxBranches)
        {
            errors["branches"] = [$"At most {StandardTerms.MaxBranches} branch codes; leave it empty for every branch."];
            return null;
        }

        var codes = new List<string>();
        for (var i = 0; i < Branches.Count; i++)
        {
            var code = Branches[i]?.Trim();
            if (string.IsNullOrEmpty(code) || code.Length > StandardTerms.MaxBranchLength)
            {
                errors[$"branches[{i}]"] = [$"A branch code of 1 to {StandardTerms.MaxBranchLength} characters."];
            }
            else if (codes.Contains(code, StringComparer.Ordinal))
            {
                errors[$"branches[{i}]"] = ["Listed twice."];
            }
            else
            {
                codes.Add(code);
            }
        }

        // Kept in a fixed order, so listing the same branches another way is not a new version.
        codes.Sort(StringComparer.Ordinal);
        return codes;
    }

    private PolicyClauseReference? ReadPolicy(IDictionary<string, string[]> errors)
    {
        if (Policy is null)
        {
            return null;
        }

        if (Policy.PolicyId is not { } policyId || policyId == Guid.Empty)
        {
            errors["policy.policyId"] = ["The policy's id is required with a policy clause."];
        }

        var clauseKey = Policy.ClauseKey?.Trim();
        if (string.IsNullOrEmpty(clauseKey) || clauseKey.Length > PolicyClauseReference.MaxClauseKeyLength)
        {
            errors["policy.clauseKey"] = [$"The clause's key, 1 to {PolicyClauseReference.MaxClauseKeyLength} characters, is required with a policy clause."];
        }

        return errors.ContainsKey("policy.policyId") || errors.ContainsKey("policy.clauseKey")
            ? null
            : new PolicyClauseReference(Policy.PolicyId!.Value, clauseKey!);
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum => ServiceDefaults.Http.WireNames.Of(value);
}
