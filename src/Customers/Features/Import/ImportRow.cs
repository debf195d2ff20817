using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>
/// One data row of the file: its 1-based number (the header is row 0, so the number matches a spreadsheet's line
/// minus one), its original cells, and either checked details or its field errors.
/// </summary>
public sealed class ImportRow(int number, string[] original)
{
    public int Number { get; } = number;
    public string[] Original { get; } = original;
    public CustomerDetails? Details { get; set; }
    public string? MatchKey { get; set; }
    public Dictionary<string, string[]> Errors { get; } = [];
    public ImportRowAction Action { get; set; } = ImportRowAction.Error;
    public string? Note { get; set; }
    public Guid? CustomerId { get; set; }

    /// <summary>The id a created customer gets (UUIDv7, chosen before the insert so events can name it).</summary>
    public Guid NewId { get; set; }

    public void Fail(string field, string message)
    {
        Errors[field] = [message];
        Action = ImportRowAction.Error;
    }
}
