using CustomerPlatform.Customers.Features.Import;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class CsvTests
{
    [Fact]
    public void Parse_QuotedFieldsWithCommasQuotesAndLineBreaks_ReadsThemWhole()
    {
        var records = CsvRecords.Parse("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n", out var problem);

        Assert.Null(problem);
        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b", "c"], records[0]);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1]);
        Assert.Equal(["last", "", ""], records[2]);
    }

    [Fact]
    public void Parse_UnclosedQuote_ReportsAProblem()
    {
        CsvRecords.Parse("a\n\"open", out var problem);

        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+44123", "'+44123")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("=a,\"b\"", "\"'=a,\"\"b\"\"\"")]
    [InlineData(null, "")]
    public void Cell_EscapesAndDefusesFormulas(string? value, string expected)
    {
        Assert.Equal(expected, CsvText.Cell(value));
    }
}
