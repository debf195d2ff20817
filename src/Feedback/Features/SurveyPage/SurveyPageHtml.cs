using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.SurveyPage;

/// <summary>What a customer entered and what was wrong with it, to show the form again without losing anything.</summary>
/// <param name="Entered">The raw form values by question key.</param>
/// <param name="Errors">The message to show by question key, in the page's language.</param>
public sealed record SurveyFormState(IReadOnlyDictionary<string, string[]> Entered, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly SurveyFormState Empty = new(new Dictionary<string, string[]>(), new Dictionary<string, string>());
}

/// <summary>
/// The survey page as plain HTML: native form controls only (radio groups in fieldsets with legends, labels tied by
/// <c>for</c>), no script, so it works with a keyboard, a screen reader, and with JavaScript off. Every text a
/// business or a customer wrote goes through the HTML encoder.
/// </summary>
public static class SurveyPageHtml
{
    public const string StylesheetPath = "/s/assets/survey.css";

    // Colours hold at least 4.5:1 against white (text 17:1, hints 9:1, errors 6.9:1, button 6.4:1), and focus is a
    // thick outline rather than a colour change, so keyboard users see where they are.
    public const string Stylesheet = """
        *{box-sizing:border-box}
        html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff}
        body{margin:0 auto;max-width:40rem;padding:1rem}
        h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}
        fieldset{border:0;margin:0 0 1.5rem;padding:0;min-width:0}
        legend,.question{font-weight:600;font-size:1.125rem;padding:0;margin-bottom:.5rem;display:block}
        .hint{color:#4a4a4a;margin:0 0 .5rem}
        .error{color:#b3261e;font-weight:600;margin:0 0 .5rem}
        .invalid{border-left:4px solid #b3261e;padding-left:.75rem}
        .scale{display:flex;flex-wrap:wrap;gap:.5rem}
        .scale .option{display:inline-flex;align-items:center;gap:.375rem;min-height:2.75rem;border:2px solid #4a4a4a;border-radius:.375rem;padding:0 .625rem}
        .scale input{width:1.25rem;height:1.25rem;margin:0}
        .choice{display:flex;align-items:center;gap:.5rem;margin:.25rem 0;min-height:2.75rem}
        .choice input{width:1.5rem;height:1.5rem;margin:0}
        textarea{width:100%;font:inherit;padding:.5rem;border:2px solid #4a4a4a;border-radius:.375rem}
        button{font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:.375rem;padding:.75rem 1.5rem;min-height:2.75rem;cursor:pointer}
        :focus-visible{outline:3px solid #0b57d0;outline-offset:3px}
        .summary{border:4px solid #b3261e;padding:1rem;margin-bottom:1.5rem}
        .summary h2{margin-top:0;font-size:1.25rem}
        .summary a{color:#b3261e;font-weight:600}
        .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        @media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
        """;

    // Letters of every script stay readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The form for the version's questions, in <paramref name="language"/>, posting back to its own link.</summary>
    public static string Form(SurveyPageText text, SurveyVersion version, string language, string token, SurveyFormState state)
    {
        var body = new StringBuilder();
        var hasErrors = state.Errors.Count > 0;
        body.Append("<h1>").Append(E(version.Name)).Append("</h1>");
        if (hasErrors)
        {
            body.Append("<div class=\"summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">")
                .Append("<h2 id=\"error-summary-title\">").Append(E(text.ErrorSummary)).Append("</h2><ul>");
            foreach (var question in version.Questions.Where(question => state.Errors.ContainsKey(question.Key)))
            {
                body.Append("<li><a href=\"#").Append(E(FirstInputId(question))).Append("\">")
                    .Append(E(QuestionText(question, language, version.DefaultLanguage))).Append(": ")
                    .Append(E(state.Errors[question.Key])).Append("</a></li>");
            }

            body.Append("</ul></div>");
        }

        body.Append("<p class=\"hint\">").Append(E(text.RequiredNote)).Append("</p>");
        body.Append("<form method=\"post\" action=\"").Append(E(PathOf(token))).Append("\" novalidate>");
        foreach (var question in version.Questions)
        {
            Question(body, text, question, language, version.DefaultLanguage, state);
        }

        body.Append("<button type=\"submit\">").Append(E(text.Submit)).Append("</button></form>");
        return Layout(language, (hasErrors ? text.ErrorTitlePrefix : "") + version.Name, body.ToString());
    }

    /// <summary>A page that only says something: thanks, already answered, expired, not found.</summary>
    public static string Message(string language, string title, string message)
    {
        var body = new StringBuilder()
            .Append("<h1>").Append(E(title)).Append("</h1>")
            .Append("<p>").Append(E(message)).Append("</p>");
        return Layout(language, title, body.ToString());
    }

    public static string PathOf(string token) => "/s/" + token;

    private static void Question(StringBuilder body, SurveyPageText text, SurveyQuestion question, string language, string defaultLanguage, SurveyFormState state)
    {
        var id = "q-" + question.Key;
        var hintId = id + "-hint";
        var errorId = id + "-error";
        var error = state.Errors.GetValueOrDefault(question.Key);
        var entered = state.Entered.GetValueOrDefault(question.Key) ?? [];
        var label = E(QuestionText(question, language, defaultLanguage)) + (question.Required ? " <span class=\"required\">" + E(text.RequiredMark) + "</span>" : "");
        var errorHtml = error is null ? "" : $"<p class=\"error\" id=\"{E(errorId)}\"><span class=\"visually-hidden\">{E(text.ErrorTitlePrefix)}</span>{E(error)}</p>";
        var invalid = error is null ? "" : " aria-invalid=\"true\"";

        if (question.Type == QuestionType.FreeText)
        {
            body.Append("<div class=\"field").Append(error is null ? "" : " invalid").Append("\">")
                .Append("<label class=\"question\" for=\"").Append(E(id)).Append("\">").Append(label).Append("</label>")
                .Append(errorHtml)
                .Append("<textarea id=\"").Append(E(id)).Append("\" name=\"").Append(E(question.Key)).Append("\" rows=\"5\" maxlength=\"")
                .Append(SurveyAnswers.MaxTextLength.ToString(CultureInfo.InvariantCulture)).Append('"')
                .Append(question.Required ? " aria-required=\"true\"" : "")
                .Append(error is null ? "" : $" aria-describedby=\"{E(errorId)}\"").Append(invalid).Append('>')
                .Append(E(entered.FirstOrDefault() ?? "")).Append("</textarea></div>");
            return;
        }

        var hint = question.Type switch
        {
            QuestionType.Nps => text.NpsHint,
            QuestionType.MultipleChoice => text.ChooseAll,
            QuestionType.SingleChoice => null,
            _ => Scale(question) is var (min, max) ? string.Format(CultureInfo.InvariantCulture, text.ScaleHint, min, max) : null,
        };
        var describedBy = string.Join(' ', new[] { hint is null ? null : hintId, error is null ? null : errorId }.OfType<string>());
        body.Append("<fieldset class=\"").Append(error is null ? "" : "invalid").Append('"')
            .Append(describedBy.Length == 0 ? "" : $" aria-describedby=\"{E(describedBy)}\"")
            .Append("><legend>").Append(label).Append("</legend>");
        if (hint is not null)
        {
            body.Append("<p class=\"hint\" id=\"").Append(E(hintId)).Append("\">").Append(E(hint)).Append("</p>");
        }

        body.Append(errorHtml);
        if (question.IsChoice)
        {
            var type = question.Type == QuestionType.MultipleChoice ? "checkbox" : "radio";
            foreach (var option in question.Options ?? [])
            {
                var optionId = $"{id}-{option.Key}";
                var picked = entered.Any(value => string.Equals(value.Trim(), option.Key, StringComparison.OrdinalIgnoreCase));
                body.Append("<div class=\"choice\"><input type=\"").Append(type).Append("\" id=\"").Append(E(optionId))
                    .Append("\" name=\"").Append(E(question.Key)).Append("\" value=\"").Append(E(option.Key)).Append('"')
                    .Append(picked ? " checked" : "").Append(invalid).Append('>')
                    .Append("<label for=\"").Append(E(optionId)).Append("\">").Append(E(Localised(option.Label, language, defaultLanguage, option.Key)))
                    .Append("</label></div>");
            }
        }
        else if (Scale(question) is var (low, high))
        {
            body.Append("<div class=\"scale\">");
            for (var score = low; score <= high; score++)
            {
                var value = score.ToString(CultureInfo.InvariantCulture);
                var scoreId = $"{id}-{value}";
                var picked = entered.Any(entry => entry.Trim() == value);
                body.Append("<span class=\"option\"><input type=\"radio\" id=\"").Append(E(scoreId)).Append("\" name=\"").Append(E(question.Key))
                    .Append("\" value=\"").Append(value).Append('"').Append(picked ? " checked" : "").Append(invalid).Append('>')
                    .Append("<label for=\"").Append(E(scoreId)).Append("\">").Append(value).Append("</label></span>");
            }

            body.Append("</div>");
        }

        body.Append("</fieldset>");
    }

    /// <summary>The id of the control an error summary link moves focus to.</summary>
    public static string FirstInputId(SurveyQuestion question) =>
        question.Type == QuestionType.FreeText ? "q-" + question.Key
        : question.IsChoice ? $"q-{question.Key}-{question.Options?.FirstOrDefault()?.Key}"
        : $"q-{question.Key}-{(Scale(question)?.Min ?? 0).ToString(CultureInfo.InvariantCulture)}";

    private static (int Min, int Max)? Scale(SurveyQuestion question) =>
        SurveyQuestion.StandardScale(question.Type)
        ?? (question.Type == QuestionType.Rating && question.Min is { } min && question.Max is { } max ? (min, max) : null);

    private static string QuestionText(SurveyQuestion question, string language, string defaultLanguage) =>
        Localised(question.Text, language, defaultLanguage, question.Key);

    private static string Localised(IReadOnlyDictionary<string, string> texts, string language, string defaultLanguage, string fallback) =>
        texts.GetValueOrDefault(language) ?? texts.GetValueOrDefault(defaultLanguage) ?? texts.Values.FirstOrDefault() ?? fallback;

    private static string Layout(string language, string title, string body) =>
        new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(E(language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">")
            .Append("<title>").Append(E(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\"></head>")
            .Append("<body><main>").Append(body).Append("</main></body></html>")
            .ToString();

    private static string E(string value) => Encoder.Encode(value);
}
