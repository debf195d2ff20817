namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>What a policy version says and who answers for it: everything a draft may change.</summary>
/// <param name="Body">The policy in Markdown.</param>
/// <param name="Clauses">Its numbered clauses, in order.</param>
/// <param name="EffectiveDate">The day it applies from.</param>
/// <param name="Owner">Who answers for it (a name or role).</param>
/// <param name="ReviewDueDate">When it must be reviewed next; after it, the policy is overdue for review.</param>
/// <param name="Branches">Branch codes it applies to; empty means every branch.</param>
public sealed record PolicyContent(
    string Body,
    IReadOnlyList<PolicyClause> Clauses,
    DateOnly EffectiveDate,
    string Owner,
    DateOnly ReviewDueDate,
    IReadOnlyList<string> Branches)
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 50_000;
    public const int MaxClauses = 100;
    public const int MaxClauseLength = 2_000;
    public const int MaxOwnerLength = 200;
    public const int MaxBranches = 100;
    public const int MaxBranchLength = 50;

    /// <summary>The rules a version's content keeps, as field errors (JSON paths); empty when it keeps them all.</summary>
    public Dictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, string[]>();
        if (Body.Length is 0 or > MaxBodyLength)
        {
            errors["body"] = [$"The policy text, 1 to {MaxBodyLength} characters."];
        }

        if (Clauses.Count > MaxClauses)
        {
            errors["clauses"] = [$"At most {MaxClauses} clauses."];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < Clauses.Count; index++)
        {
            var clause = Clauses[index];
            if (!Slugs.IsValid(clause.Key))
            {
                errors[$"clauses[{index}].key"] = [Slugs.Rule];
            }
            else if (!seen.Add(clause.Key))
            {
                errors[$"clauses[{index}].key"] = [$"Clause key '{clause.Key}' is used twice; keys are unique within a version."];
            }

            if (clause.Text.Length is 0 or > MaxClauseLength)
            {
                errors[$"clauses[{index}].text"] = [$"The clause's text, 1 to {MaxClauseLength} characters."];
            }
        }

        if (Owner.Length is 0 or > MaxOwnerLength)
        {
            errors["owner"] = [$"Who answers for the policy, 1 to {MaxOwnerLength} characters."];
        }

        if (ReviewDueDate <= EffectiveDate)
        {
            errors["reviewDueDate"] = ["The review is due after the effective date."];
        }

        if (Branches.Count > MaxBranches)
        {
            errors["branches"] = [$"At most {MaxBranches} branches."];
        }

        for (var index = 0; index < Branches.Count; index++)
        {
            if (Branches[index].Length is 0 or > MaxBranchLength)
            {
                errors[$"branches[{index}]"] = [$"A branch code of 1 to {MaxBranchLength} characters."];
            }
        }

        return errors;
    }

    /// <summary>Whether the policy applies to the branch (one naming no branches applies to all).</summary>
    public bool AppliesTo(string branch) => Branches.Count == 0 || Branches.Contains(branch, StringComparer.Ordinal);
}
