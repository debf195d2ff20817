using System.Globalization;
using System.Text.Json;
using CustomerPlatform.Feedback.Domain.Surveys;
using Microsoft.Extensions.Primitives;

namespace CustomerPlatform.Feedback.Features.SurveyPage;

/// <summary>
/// Turns the posted form into the answers the API takes (<c>{ questionKey: value }</c>), so the page is checked by the
/// same <see cref="SurveyAnswers.Read"/> as a response staff enter; and its errors into the page's own words.
/// </summary>
public static class SurveyPageForm
{
    /// <summary>The answers and the raw values (to show again) for the version's questions; other fields are ignored.</summary>
    public static (Dictionary<string, JsonElement> Answers, Dictionary<string, string[]> Entered) Read(
        IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, StringValues> form)
    {
        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var entered = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            if (!form.TryGetValue(question.Key, out var raw) || raw.Count == 0)
            {
                continue;
            }

            var values = raw.Select(value => value ?? "").ToArray();
            entered[question.Key] = values;
            if (AnswerOf(question, values) is { } answer)
            {
                answers[question.Key] = answer;
            }
        }

        return (answers, entered);
    }

    /// <summary>
    /// The message for each question <see cref="SurveyAnswers.Read"/> refused (its errors are keyed <c>answers.key</c>):
    /// nothing given is "please answer", a text is too long, anything else (only a forged form) is not an offered answer.
    /// </summary>
    public static Dictionary<string, string> Errors(
        IReadOnlyList<SurveyQuestion> questions, IDictionary<string, string[]> errors, IReadOnlyDictionary<string, string[]> entered, SurveyPageText text)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in questions.Where(question => errors.ContainsKey("answers." + question.Key)))
        {
            var given = entered.GetValueOrDefault(question.Key)?.Any(value => !string.IsNullOrWhiteSpace(value)) ?? false;
            messages[question.Key] = !given ? text.ErrorRequired
                : question.Type == QuestionType.FreeText ? string.Format(CultureInfo.InvariantCulture, text.ErrorTooLong, SurveyAnswers.MaxTextLength)
                : text.ErrorInvalid;
        }

        return messages;
    }

    // A radio group sends one value and a checkbox group one per box: anything else (two scores, a score that is not a
    // number) is passed on in a shape SurveyAnswers refuses, so the one set of rules decides.
    private static JsonElement? AnswerOf(SurveyQuestion question, string[] values)
    {
        if (question.Type == QuestionType.FreeText)
        {
            return values.Length == 1 ? JsonSerializer.SerializeToElement(values[0]) : JsonSerializer.SerializeToElement(values);
        }

        var picked = values.Where(value => !string.IsNullOrWhiteSpace(value)).ToArray();
        if (picked.Length == 0)
        {
            return null;
        }

        if (question.Type == QuestionType.MultipleChoice)
        {
            return JsonSerializer.SerializeToElement(picked);
        }

        if (picked.Length > 1)
        {
            return JsonSerializer.SerializeToElement(picked);
        }

        return question.Type != QuestionType.SingleChoice && int.TryParse(picked[0], NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var score)
            ? JsonSerializer.SerializeToElement(score)
            : JsonSerializer.SerializeToElement(picked[0]);
    }
}
