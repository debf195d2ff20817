using System.Text;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>
/// An RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas, line breaks and doubled quotes;
/// lines end in CRLF or LF; a UTF-8 byte order mark is dropped. Blank lines are skipped.
/// </summary>
public static class CsvRecords
{
    /// <summary>The records of <paramref name="text"/>; a quote left open at the end is reported by <paramref name="problem"/>.</summary>
    public static List<string[]> Parse(string text, out string? problem)
    {
        problem = null;
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var quoted = false;
        var fieldStarted = false;
        while (position < text.Length)
        {
            var c = text[position];
            if (quoted)
            {
                if (c == '"')
                {
                    if (position + 1 < text.Length && text[position + 1] == '"')
                    {
                        field.Append('"');
                        position += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                position++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' or '\n':
                    EndRecord(records, fields, field, fieldStarted);
                    fieldStarted = false;
                    if (c == '\r' && position + 1 < text.Length && text[position + 1] == '\n')
                    {
                        position++;
                    }

                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }

            position++;
        }

        if (quoted)
        {
            problem = "A quoted field is not closed before the end of the file.";
        }

        EndRecord(records, fields, field, fieldStarted);
        return records;
    }

    private static void EndRecord(List<string[]> records, List<string> fields, StringBuilder field, bool fieldStarted)
    {
        if (fieldStarted || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        fields.Clear();
        field.Clear();
    }
}
