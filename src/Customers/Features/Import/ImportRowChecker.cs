using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.Import;

/// <summary>
/// Turns records into <see cref="ImportRow"/>s checked by <see cref="CustomerDetails.TryCreate"/> (the API's own rules),
/// the branch restriction of the key, and the file's own consistency: a second row with the same match key or
/// external id as an earlier one is refused, since one of the two would silently win.
/// </summary>
public sealed class ImportRowChecker(
    ImportMapping mapping,
    ImportMatch matchOn,
    ImportMode mode,
    string? branch,
    IReadOnlyDictionary<string, CustomAttributeDefinition> definitions,
    DateOnly today)
{
    private readonly Dictionary<string, int> _rowByMatchKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rowByExternalId = new(StringComparer.Ordinal);

    public string MatchField => matchOn switch
    {
        ImportMatch.Email => "email",
        ImportMatch.Phone => "phone",
        _ => "externalId",
    };

    public ImportRow Check(int number, string[] record)
    {
        var row = new ImportRow(number, record);
        var fields = mapping.ToFields(record, definitions, row.Errors);
        var details = CustomerDetails.TryCreate(fields, definitions, today, row.Errors);
        if (details is null || row.Errors.Count > 0)
        {
            return row;
        }

        if (branch is not null && details.HomeBranch is { } home && !string.Equals(home, branch, StringComparison.Ordinal))
        {
            row.Fail("homeBranch", $"This API key acts for branch '{branch}' only.");
            return row;
        }

        row.MatchKey = matchOn switch
        {
            ImportMatch.Email => details.Emails.FirstOrDefault(),
            ImportMatch.Phone => details.Phones.FirstOrDefault(),
            _ => details.ExternalId,
        };
        if (row.MatchKey is null && mode is ImportMode.Update or ImportMode.UpdateOnly)
        {
            row.Fail(MatchField, $"A value to match on ({MatchField}) is needed to update.");
            return row;
        }

        if (row.MatchKey is not null && !_rowByMatchKey.TryAdd(row.MatchKey, number))
        {
            row.Fail(MatchField, $"The same {MatchField} as row {_rowByMatchKey[row.MatchKey]} of this file.");
            return row;
        }

        if (matchOn != ImportMatch.ExternalId && details.ExternalId is { } externalId && !_rowByExternalId.TryAdd(externalId, number))
        {
            row.Fail("externalId", $"The same externalId as row {_rowByExternalId[externalId]} of this file.");
            return row;
        }

        row.Details = details;
        row.Action = ImportRowAction.Create;
        return row;
    }
}
