using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerPlatform.Feedback.Domain.Surveys;

/// <summary>
/// What a survey asks, as edited in the draft and frozen in each published version. <see cref="Check"/> holds the
/// rules a template must meet; its errors are keyed by the request's JSON paths (<c>questions[2].options</c>).
/// </summary>
public sealed partial record SurveyContent(
    string Name,
    SurveyKind Kind,
    string DefaultLanguage,
    IReadOnlyList<SurveyQuestion> Questions,
    IReadOnlyList<string> Branches)
{
    public const int MaxNameLength = 200;
    public const int MaxQuestions = 50;
    public const int MaxKeyLength = 50;
    public const int MaxTextLength = 1000;
    public const int MaxLanguages = 20;
    public const int MaxLanguageTagLength = 35;
    public const int MinOptions = 2;
    public const int MaxOptions = 30;
    public const int MaxLabelLength = 200;
    public const int MaxBranches = 100;
    public const int MaxBranchLength = 50;
    public const int RatingFloor = 0;
    public const int RatingCeiling = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether two contents say the same thing (records compare lists by reference, not by content).</summary>
    public bool SameAs(SurveyContent other) => JsonSerializer.Serialize(this, Json) == JsonSerializer.Serialize(other, Json);

    /// <summary>Every rule the content breaks, by field path; empty when it is a valid survey.</summary>
    public IReadOnlyDictionary<string, string[]> Check()
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var messages))
            {
                errors[field] = messages = [];
            }

            messages.Add(message);
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength)
        {
            Add("name", $"A name of 1 to {MaxNameLength} characters.");
        }

        if (!IsLanguageTag(DefaultLanguage))
        {
            Add("defaultLanguage", "A BCP 47 language tag such as en-GB.");
        }

        CheckQuestions(Add);
        CheckBranches(Add);
        return errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Whether the text looks like a BCP 47 tag (language, then subtags: en, en-GB, zh-Hant-TW).</summary>
    public static bool IsLanguageTag(string? tag) =>
        tag is { Length: > 0 and <= MaxLanguageTagLength } && LanguageTag().IsMatch(tag);

    private void CheckQuestions(Action<string, string> add)
    {
        if (Questions.Count is 0 or > MaxQuestions)
        {
            add("questions", $"From 1 to {MaxQuestions} questions.");
            return;
        }

        var standardType = Kind switch
        {
            SurveyKind.Nps => QuestionType.Nps,
            SurveyKind.Csat => QuestionType.Csat,
            SurveyKind.Ces => QuestionType.Ces,
            _ => (QuestionType?)null,
        };
        if (standardType is { } leading && Questions[0].Type != leading)
        {
            add("questions[0].type", $"A {Kind.ToString().ToLowerInvariant()} survey starts with its {WireName(leading)} question.");
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < Questions.Count; index++)
        {
            var question = Questions[index];
            var path = $"questions[{index}]";
            if (!IsKey(question.Key))
            {
                add($"{path}.key", $"A key of 1 to {MaxKeyLength} letters, digits, '-' or '_'.");
            }
            else if (!keys.Add(question.Key))
            {
                add($"{path}.key", $"The key '{question.Key}' is used by an earlier question.");
            }

            if (index > 0 && standardType is { } only && question.Type == only)
            {
                add($"{path}.type", $"A {Kind.ToString().ToLowerInvariant()} survey has exactly one {WireName(only)} question, the first.");
            }

            CheckTexts(question.Text, $"{path}.text", MaxTextLength, add);
            CheckScale(question, path, add);
            CheckOptions(question, path, add);
        }
    }

    private static void CheckScale(SurveyQuestion question, string path, Action<string, string> add)
    {
        if (question.Type != QuestionType.Rating)
        {
            if (question.Min is not null || question.Max is not null)
            {
                add(question.Min is not null ? $"{path}.min" : $"{path}.max", "Only rating questions take a min and max.");
            }

            return;
        }

        if (question.Min is not { } min || min < RatingFloor || min >= RatingCeiling)
        {
            add($"{path}.min", $"A rating question's min is a whole number from {RatingFloor} to {RatingCeiling - 1}.");
        }
        else if (question.Max is not { } max || max <= min || max > RatingCeiling)
        {
            add($"{path}.max", $"A rating question's max is above its min and at most {RatingCeiling}.");
        }
    }

    private void CheckOptions(SurveyQuestion question, string path, Action<string, string> add)
    {
        var options = question.Options ?? [];
        if (!question.IsChoice)
        {
            if (options.Count > 0)
            {
                add($"{path}.options", "Only singleChoice and multipleChoice questions have options.");
            }

            return;
        }

        if (options.Count is < MinOptions or > MaxOptions)
        {
            add($"{path}.options", $"A choice question offers {MinOptions} to {MaxOptions} options.");
            return;
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < options.Count; index++)
        {
            var option = options[index];
            var optionPath = $"{path}.options[{index}]";
            if (!IsKey(option.Key))
            {
                add($"{optionPath}.key", $"A key of 1 to {MaxKeyLength} letters, digits, '-' or '_'.");
            }
            else if (!keys.Add(option.Key))
            {
                add($"{optionPath}.key", $"The key '{option.Key}' is used by an earlier option.");
            }

            CheckTexts(option.Label, $"{optionPath}.label", MaxLabelLength, add);
        }
    }

    private void CheckTexts(IReadOnlyDictionary<string, string> texts, string path, int maxLength, Action<string, string> add)
    {
        if (texts.Count > MaxLanguages)
        {
            add(path, $"At most {MaxLanguages} languages.");
            return;
        }

        if (!texts.ContainsKey(DefaultLanguage))
        {
            add(path, $"A text in the default language ({DefaultLanguage}) is required.");
        }

        foreach (var (language, text) in texts)
        {
            if (!IsLanguageTag(language))
            {
                add(path, $"'{Shorten(language)}' is not a BCP 47 language tag such as en-GB.");
            }
            else if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength)
            {
                add($"{path}.{language}", $"A text of 1 to {maxLength} characters.");
            }
        }
    }

    private void CheckBranches(Action<string, string> add)
    {
        if (Branches.Count > MaxBranches)
        {
            add("branches", $"At most {MaxBranches} branches; none means every branch.");
            return;
        }

        for (var index = 0; index < Branches.Count; index++)
        {
            if (string.IsNullOrWhiteSpace(Branches[index]) || Branches[index].Length > MaxBranchLength)
            {
                add($"branches[{index}]", $"A branch code of 1 to {MaxBranchLength} characters.");
            }
        }
    }

    private static bool IsKey(string? key) => key is { Length: > 0 and <= MaxKeyLength } && Key().IsMatch(key);

    private static string WireName(QuestionType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    private static string Shorten(string text) => text.Length <= MaxLanguageTagLength ? text : text[..MaxLanguageTagLength] + "…";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Key();
}
