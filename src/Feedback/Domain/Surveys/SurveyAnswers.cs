using System.Text.Json;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>
/// Checks raw answers (<c>{ questionKey: value }</c>) against a published version's questions. Errors are keyed
/// <c>answers.&lt;key&gt;</c>, the path a client sent them under.
/// </summary>
public static class SurveyAnswers
{
    public const int MaxTextLength = 4000;

    /// <summary>The answers in question order, or null with <paramref name="errors"/> filled.</summary>
    public static IReadOnlyList<SurveyAnswer>? Read(
        IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, JsonElement> answers, IDictionary<string, string[]> errors)
    {
        var known = questions.ToDictionary(question => question.Key, StringComparer.Ordinal);
        var before = errors.Count;
        foreach (var key in answers.Keys.Where(key => !known.ContainsKey(key)))
        {
            errors[Path(key)] = ["Not a question of the survey version answered."];
        }

        var read = new List<SurveyAnswer>();
        foreach (var question in questions)
        {
            var given = answers.TryGetValue(question.Key, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
            if (!given)
            {
                if (question.Required)
                {
                    errors[Path(question.Key)] = ["An answer is required."];
                }

                continue;
            }

            var (answer, error) = ReadOne(question, value);
            if (error is not null)
            {
                errors[Path(question.Key)] = [error];
            }
            else if (answer is not null)
            {
                read.Add(answer);
            }
        }

        return errors.Count > before ? null : read;
    }

    private static (SurveyAnswer? Answer, string? Error) ReadOne(SurveyQuestion question, JsonElement value)
    {
        switch (question.Type)
        {
            case QuestionType.Nps or QuestionType.Csat or QuestionType.Ces or QuestionType.Rating:
                var (min, max) = SurveyQuestion.StandardScale(question.Type) ?? (question.Min ?? 0, question.Max ?? 0);
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var score) && score >= min && score <= max
                    ? (new SurveyAnswer(question.Key, question.Type, Score: score), null)
                    : (null, $"A whole number from {min} to {max}.");

            case QuestionType.SingleChoice:
                return value.ValueKind == JsonValueKind.String && Option(question, value.GetString()) is { } picked
                    ? (new SurveyAnswer(question.Key, question.Type, Choices: [picked]), null)
                    : (null, $"One of the option keys: {OptionKeys(question)}.");

            case QuestionType.MultipleChoice:
                return ReadChoices(question, value);

            case QuestionType.FreeText:
                if (value.ValueKind != JsonValueKind.String || value.GetString()!.Trim() is not { Length: <= MaxTextLength } text)
                {
                    return (null, $"A text of at most {MaxTextLength} characters.");
                }

                // A blank line on a paper card is no answer; the required rule has already been applied to the raw value.
                return text.Length == 0 && !question.Required ? (null, null)
                    : text.Length == 0 ? (null, "An answer is required.")
                    : (new SurveyAnswer(question.Key, question.Type, Text: text), null);

            default:
                return (null, "This question cannot be answered.");
        }
    }

    private static (SurveyAnswer? Answer, string? Error) ReadChoices(SurveyQuestion question, JsonElement value)
    {
        var error = $"An array of distinct option keys: {OptionKeys(question)}.";
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return (null, error);
        }

        var picked = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || Option(question, item.GetString()) is not { } key || picked.Contains(key))
            {
                return (null, error);
            }

            picked.Add(key);
        }

        return (new SurveyAnswer(question.Key, question.Type, Choices: picked), null);
    }

    // Option keys are unique ignoring case (SurveyContent), so a hand-typed "Price" finds "price"; the stored key is canonical.
    private static string? Option(SurveyQuestion question, string? key) =>
        question.Options?.FirstOrDefault(option => string.Equals(option.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase))?.Key;

    private static string OptionKeys(SurveyQuestion question) => string.Join(", ", question.Options?.Select(option => option.Key) ?? []);

    private static string Path(string key) => $"answers.{(key.Length <= SurveyContent.MaxKeyLength ? key : key[..SurveyContent.MaxKeyLength] + "…")}";
}
