using CustomerPlatform.ServiceDefaults.Reports;
using CustomerPlatform.Customers.Features.Reports;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class NeedsReportCsvTests
{
    [Theory]
    [InlineData("pricing", "pricing")]
    [InlineData("size, colour", "\"size, colour\"")]
    [InlineData("the \"big\" one", "\"the \"\"big\"\" one\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@sum", "'@sum")]
    [InlineData("a=b", "a=b")]
    public void Text_EscapesAndNeutralisesFormulas(string value, string expected)
    {
        Assert.Equal(expected, Csv.Text(value));
    }

    [Fact]
    public void FormatLine_KeepsNumbersAsNumbersAndLeavesAnEmptyPercentFromZero()
    {
        var fall = new NeedsReportRow(new DateOnly(2026, 11, 16), NeedsDimension.Topic, "-returns", 1, 3);
        var rise = new NeedsReportRow(new DateOnly(2026, 11, 1), NeedsDimension.Purpose, "enquiry", 2, 0);

        var fallLine = NeedsReportCsv.FormatLine(fall, ReportPeriod.Week);
        var riseLine = NeedsReportCsv.FormatLine(rise, ReportPeriod.Month);

        Assert.Equal("2026-11-16,2026-11-22,topic,'-returns,1,3,-2,-66.7", fallLine);
        Assert.Equal("2026-11-01,2026-11-30,purpose,enquiry,2,0,2,", riseLine);
    }

    [Fact]
    public async Task WriteAsync_WritesTheHeaderThenARowEachAsTheyCome()
    {
        using var output = new MemoryStream();

        await NeedsReportCsv.WriteAsync(
            Rows(new NeedsReportRow(new DateOnly(2026, 11, 16), NeedsDimension.Total, "all", 4, 2)), ReportPeriod.Week, output, CancellationToken.None);

        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal($"{NeedsReportCsv.Header}\r\n2026-11-16,2026-11-22,total,all,4,2,2,100.0\r\n", text);
    }

    private static async IAsyncEnumerable<NeedsReportRow> Rows(params NeedsReportRow[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
