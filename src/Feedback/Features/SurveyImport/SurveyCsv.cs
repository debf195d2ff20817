using System.Text;

namespace CustomerPlatform.Feedback.Features.SurveyImport;

/// <summary>One CSV record and the line it starts on, so errors can name the line a person sees in their editor.</summary>
internal sealed record CsvLine(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 reader (quoted fields may hold commas, line breaks and doubled quotes; CRLF or LF; a UTF-8 BOM is
/// dropped; blank lines are skipped) that keeps each record's line number.
/// </summary>
internal static class SurveyCsv
{
    public static List<CsvLine> Parse(string text, out string? problem)
    {
        problem = null;
        var records = new List<CsvLine>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var started = false;
        for (var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; position < text.Length; position++)
        {
            var c = text[position];
            if (quoted)
            {
                if (c == '"' && position + 1 < text.Length && text[position + 1] == '"')
                {
                    field.Append('"');
                    position++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    started = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    started = true;
                    break;
                case '\r' or '\n':
                    End(records, fields, field, started, recordLine);
                    started = false;
                    if (c == '\r' && position + 1 < text.Length && text[position + 1] == '\n')
                    {
                        position++;
                    }

                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    started = true;
                    break;
            }
        }

        if (quoted)
        {
            problem = $"A quoted field opened on line {recordLine} is not closed before the end of the file.";
        }

        End(records, fields, field, started, recordLine);
        return records;
    }

    private static void End(List<CsvLine> records, List<string> fields, StringBuilder field, bool started, int line)
    {
        if (started || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvLine(line, [.. fields]));
        }

        fields.Clear();
        field.Clear();
    }
}
