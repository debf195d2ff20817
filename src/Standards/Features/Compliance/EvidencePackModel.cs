using System.Globalization;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Reports;
using CustomerPlatform.Standards.Domain.Compliance;

namespace CustomerPlatform.Standards.Features.Compliance;

/// <summary>
/// The compliance evidence for a period: every item live in it with the checks made in it, and which items were
/// overdue at its end (or now, for a period not over yet).
/// </summary>
/// <param name="From">First day, UTC.</param>
/// <param name="To">Last day, UTC.</param>
/// <param name="OverdueAsOf">The moment overdue is judged at: the end of the period, or now if that is earlier.</param>
/// <param name="Branch">The branch the pack is for (items naming it and those for every branch); absent for the whole business.</param>
/// <param name="ChecksMade">How many checks were made in the period.</param>
/// <param name="OverdueAtEnd">How many items were overdue at <paramref name="OverdueAsOf"/>.</param>
public sealed record EvidencePackResponse(
    DateOnly From,
    DateOnly To,
    DateTimeOffset OverdueAsOf,
    string? Branch,
    int ChecksMade,
    int OverdueAtEnd,
    IReadOnlyList<EvidencePackItemResponse> Items);

/// <summary>One item in an evidence pack.</summary>
/// <param name="DueAtEnd">When its next check was due as of the pack's end: set by the last check before then, or its first due time.</param>
/// <param name="OverdueAtEnd">Whether that due time had passed as of the pack's end (an item archived by then is not overdue).</param>
/// <param name="Checks">The checks made in the period, in the order they were made.</param>
public sealed record EvidencePackItemResponse(
    Guid Id,
    string Title,
    ComplianceCategory Category,
    string? CustomCategory,
    ComplianceSourceResponse Source,
    string Owner,
    IReadOnlyList<string> Branches,
    DateTimeOffset? DueAtEnd,
    bool OverdueAtEnd,
    DateTimeOffset? ArchivedAt,
    IReadOnlyList<ComplianceCheckResponse> Checks);

/// <summary>The evidence pack as CSV: one line per check made, and one (with empty check cells) per item with none.</summary>
public static class EvidencePackCsv
{
    public const string Header =
        "itemId,title,category,customCategory,sourceName,sourceSection,sourceUrl,owner,branches,dueAtEnd,overdueAtEnd,archivedAt,"
        + "checkId,checkedAt,checkedBy,outcome,description,links";

    public static IEnumerable<string> Lines(EvidencePackResponse pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        foreach (var item in pack.Items)
        {
            var itemCells = string.Join(
                ',',
                item.Id.ToString(),
                Csv.Text(item.Title),
                WireNames.Of(item.Category),
                Csv.Text(item.CustomCategory ?? ""),
                Csv.Text(item.Source.Name),
                Csv.Text(item.Source.Section ?? ""),
                Csv.Text(item.Source.Url ?? ""),
                Csv.Text(item.Owner),
                Csv.Text(string.Join("; ", item.Branches)),
                Time(item.DueAtEnd),
                item.OverdueAtEnd ? "true" : "false",
                Time(item.ArchivedAt));
            if (item.Checks.Count == 0)
            {
                yield return itemCells + ",,,,,,";
                continue;
            }

            foreach (var check in item.Checks)
            {
                yield return string.Join(
                    ',',
                    itemCells,
                    check.Id.ToString(),
                    Time(check.CheckedAt),
                    Csv.Text(check.CheckedBy),
                    WireNames.Of(check.Outcome),
                    Csv.Text(check.Description),
                    Csv.Text(string.Join(' ', check.Links)));
            }
        }
    }

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
