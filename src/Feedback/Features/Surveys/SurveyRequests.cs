using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerPlatform.Feedback.Features.Surveys;

/// <summary>Turns a request into survey content, checks it, and decides whether the caller may act on it.</summary>
internal static class SurveyRequests
{
    /// <summary>The trimmed content, or null with <paramref name="errors"/> filled (JSON paths) when it breaks a rule.</summary>
    public static SurveyContent? Read(SurveyTemplateRequest request, Dictionary<string, string[]> errors)
    {
        var questions = new List<SurveyQuestion>();
        for (var index = 0; index < request.Questions.Count; index++)
        {
            if (request.Questions[index] is not { } question)
            {
                errors[$"questions[{index}]"] = ["A question, not null."];
                continue;
            }

            var options = new List<SurveyOption>();
            for (var optionIndex = 0; optionIndex < (question.Options?.Count ?? 0); optionIndex++)
            {
                if (question.Options![optionIndex] is not { } option)
                {
                    errors[$"questions[{index}].options[{optionIndex}]"] = ["An option, not null."];
                    continue;
                }

                options.Add(new SurveyOption(option.Key.Trim(), Texts(option.Label)));
            }

            questions.Add(new SurveyQuestion(
                question.Key.Trim(),
                question.Type!.Value,
                question.Required ?? false,
                Texts(question.Text),
                question.Min,
                question.Max,
                question.Options is null ? null : options));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var branches = (request.Branches ?? [])
            .Select(branch => branch?.Trim() ?? "")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var content = new SurveyContent(request.Name.Trim(), request.Kind!.Value, request.DefaultLanguage.Trim(), questions, branches);
        foreach (var (field, messages) in content.Check())
        {
            errors[field] = messages;
        }

        return errors.Count > 0 ? null : content;
    }

    /// <summary>
    /// 403 unless the caller may act for every branch the survey applies to: a branch-restricted key may only manage
    /// its own branch's surveys, never one meant for every branch.
    /// </summary>
    public static ProblemHttpResult? CheckBranches(TenantContext tenant, IReadOnlyList<string> branches)
    {
        if (tenant.Branch is null)
        {
            return null;
        }

        if (branches.Count == 0)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status403Forbidden,
                "This API key is restricted to a branch.",
                "A survey for every branch can only be managed with a key for the whole business; name the key's branch in branches.",
                ProblemTypes.Forbidden);
        }

        return branches.FirstOrDefault(branch => !tenant.MayActFor(branch)) is { } other ? Problems.OtherBranch(other) : null;
    }

    // Languages keep the client's spelling; texts are trimmed, and a null text stays empty so the rules name it.
    private static Dictionary<string, string> Texts(IReadOnlyDictionary<string, string?> texts) =>
        texts.ToDictionary(pair => pair.Key, pair => pair.Value?.Trim() ?? "", StringComparer.Ordinal);
}
