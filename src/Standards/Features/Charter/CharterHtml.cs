using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CustomerPlatform.Standards.Features.Charter;

/// <summary>
/// The charter as plain, semantic HTML: headings in order, numbered lists, no script and no inline style (the
/// content policy allows neither), readable on a phone. Every text a business wrote goes through the HTML encoder.
/// </summary>
public static class CharterHtml
{
    public const string StylesheetPath = "/charter/assets/charter.css";

    // Text 17:1 and secondary text 9:1 against white, well above WCAG AA's 4.5:1.
    public const string Stylesheet = """
        *{box-sizing:border-box}
        html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff}
        body{margin:0 auto;max-width:42rem;padding:1rem}
        h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}
        h2{font-size:1.375rem;margin:2rem 0 .5rem;border-bottom:2px solid #d0d0d0;padding-bottom:.25rem}
        h3{font-size:1.125rem;margin:1.25rem 0 .5rem}
        ol{padding-left:1.5rem}
        li{margin:.375rem 0}
        .meta{color:#4a4a4a;font-size:.9375rem;margin:.25rem 0}
        a{color:#0b57d0}
        :focus-visible{outline:3px solid #0b57d0;outline-offset:3px}
        """;

    // Letters of every script stay readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Charter(string title, CharterResponse charter)
    {
        var body = new StringBuilder();
        body.Append("<header><h1>").Append(E(title)).Append("</h1>");
        if (charter.UpdatedAt is { } updated)
        {
            body.Append("<p class=\"meta\">Last updated <time datetime=\"").Append(updated.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
                .Append(E(updated.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append("</time></p>");
        }

        body.Append("</header><main>");
        if (charter.Areas.Count == 0)
        {
            body.Append("<p>This business has not published any service commitments yet.</p>");
        }

        foreach (var area in charter.Areas)
        {
            body.Append("<section aria-labelledby=\"area-").Append(E(area.Key)).Append("\"><h2 id=\"area-").Append(E(area.Key)).Append("\">")
                .Append(E(area.Name)).Append("</h2>");
            foreach (var policy in area.Policies)
            {
                body.Append("<h3>").Append(E(policy.Title)).Append("</h3>");
                if (policy.Branches.Count > 0)
                {
                    body.Append("<p class=\"meta\">At ").Append(E(string.Join(", ", policy.Branches))).Append("</p>");
                }

                body.Append("<ol>");
                foreach (var clause in policy.Clauses)
                {
                    body.Append("<li value=\"").Append(clause.Number.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(E(clause.Text)).Append("</li>");
                }

                body.Append("</ol>");
            }

            body.Append("</section>");
        }

        body.Append("</main>");
        return Layout(title, body.ToString());
    }

    public static string NotFound() => Layout(
        "Charter not found",
        "<main><h1>Charter not found</h1><p>This link does not lead to a published service charter. It may have been replaced: ask the business for its current link.</p></main>");

    private static string Layout(string title, string body) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>").Append(E(title)).Append("</title>")
        .Append("<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\">")
        .Append("</head><body>").Append(body).Append("</body></html>")
        .ToString();

    private static string E(string text) => Encoder.Encode(text);
}
