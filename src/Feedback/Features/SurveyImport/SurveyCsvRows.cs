using System.Globalization;
using System.Text.Json;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Http;

namespace CustomerPlatform.Feedback.Features.SurveyImport;

/// <summary>
/// Turns a CSV export (header <c>customerId,branch,channel,language,answeredAt,&lt;questionKey&gt;...</c>) into the rows
/// the JSON form carries, so both are checked by the same code. A multiple-choice cell lists option keys as <c>a|b</c>;
/// an empty cell is no answer. Errors are keyed <c>line N: field</c>.
/// </summary>
internal static class SurveyCsvRows
{
    private static readonly string[] FixedColumns = ["customerId", "branch", "channel", "language", "answeredAt"];

    public static List<ImportRow> Read(List<CsvLine> records, IReadOnlyList<SurveyQuestion> questions, IDictionary<string, string[]> errors)
    {
        var header = records[0];
        var columns = header.Fields.Select(name => name.Trim()).ToList();
        var byKey = questions.ToDictionary(question => question.Key, StringComparer.Ordinal);
        for (var index = 0; index < columns.Count; index++)
        {
            var isFixed = FixedColumns.Contains(columns[index], StringComparer.Ordinal);
            if ((!isFixed && !byKey.ContainsKey(columns[index])) || columns.IndexOf(columns[index]) != index)
            {
                errors[Key(header.Line, columns[index])] = ["Not a column of the import (customerId, branch, channel, language, answeredAt) nor a question key of the version, or repeated."];
            }
        }

        foreach (var required in new[] { "branch", "channel", "answeredAt" }.Where(required => !columns.Contains(required)))
        {
            errors[Key(header.Line, required)] = ["The header must name this column."];
        }

        var rows = new List<ImportRow>(records.Count - 1);
        if (errors.Count > 0)
        {
            return rows;
        }

        foreach (var record in records.Skip(1))
        {
            string? Cell(string column) =>
                columns.IndexOf(column) is var index and >= 0 && index < record.Fields.Count && record.Fields[index].Trim() is { Length: > 0 } value ? value : null;

            if (record.Fields.Count != columns.Count)
            {
                errors[Key(record.Line, "columns")] = [$"{record.Fields.Count} fields where the header has {columns.Count}."];
                continue;
            }

            var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var question in questions)
            {
                if (Cell(question.Key) is { } cell)
                {
                    answers[question.Key] = AnswerOf(question.Type, cell);
                }
            }

            var row = new ImportedSurveyResponse(
                Parse(Cell("customerId"), record.Line, "customerId", "A customer id (uuid).", text => Guid.TryParse(text, out var id) ? id : (Guid?)null, errors),
                Cell("branch"),
                Parse(Cell("channel"), record.Line, "channel", $"One of: {string.Join(", ", Enum.GetValues<ResponseChannel>().Select(value => WireNames.Of(value)))}.", ChannelOf, errors),
                Cell("language"),
                Parse(Cell("answeredAt"), record.Line, "answeredAt", "An ISO 8601 time such as 2026-03-01T10:30:00Z.", TimeOf, errors),
                answers);
            rows.Add(new ImportRow(field => Key(record.Line, field), row));
        }

        return rows;
    }

    private static string Key(int line, string field) => $"line {line}: {field}";

    // Numbers the cell does not hold stay text, so the shared answer check reports them as for JSON.
    private static JsonElement AnswerOf(QuestionType type, string cell) => type switch
    {
        QuestionType.Nps or QuestionType.Csat or QuestionType.Ces or QuestionType.Rating
            when int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score) => JsonSerializer.SerializeToElement(score),
        QuestionType.MultipleChoice => JsonSerializer.SerializeToElement(cell.Split('|').Select(choice => choice.Trim()).ToArray()),
        _ => JsonSerializer.SerializeToElement(cell),
    };

    private static T? Parse<T>(string? cell, int line, string field, string message, Func<string, T?> parse, IDictionary<string, string[]> errors)
        where T : struct
    {
        if (cell is null)
        {
            return null;
        }

        var value = parse(cell);
        if (value is null)
        {
            errors[Key(line, field)] = [message];
        }

        return value;
    }

    private static ResponseChannel? ChannelOf(string text) =>
        Enum.GetValues<ResponseChannel>().Where(value => string.Equals(WireNames.Of(value), text, StringComparison.OrdinalIgnoreCase)).Cast<ResponseChannel?>().FirstOrDefault();

    private static DateTimeOffset? TimeOf(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
