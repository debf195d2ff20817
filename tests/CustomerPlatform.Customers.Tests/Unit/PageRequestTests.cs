using CustomerPlatform.Customers.Features.Paging;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class PageRequestTests
{
    [Fact]
    public void TryParse_Nothing_IsTheFirstPageOfTheDefaultSize()
    {
        var parsed = PageRequest.TryParse(null, null, out var page, out _);

        Assert.True(parsed);
        Assert.Equal(PageRequest.DefaultLimit, page.Limit);
        Assert.Null(page.After);
    }

    [Fact]
    public void TryParse_LimitAboveTheCap_IsCapped()
    {
        var parsed = PageRequest.TryParse("5000", null, out var page, out _);

        Assert.True(parsed);
        Assert.Equal(PageRequest.MaxLimit, page.Limit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("99999999999")]
    [InlineData("")]
    public void TryParse_BadLimit_NamesTheLimit(string limit)
    {
        var parsed = PageRequest.TryParse(limit, null, out _, out var errors);

        Assert.False(parsed);
        Assert.Equal(["limit"], errors.Keys);
    }

    [Fact]
    public void TryParse_AnIssuedCursor_ReadsItBack()
    {
        var cursor = new KeysetCursor(new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.Zero).AddTicks(10), Guid.CreateVersion7());

        var parsed = PageRequest.TryParse(null, cursor.Encode(), out var page, out _);

        Assert.True(parsed);
        Assert.Equal(cursor, page.After);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("AAAA")]
    [InlineData("")]
    [InlineData("________________________________")]
    public void TryParse_BadCursor_NamesTheCursor(string cursor)
    {
        var parsed = PageRequest.TryParse(null, cursor, out _, out var errors);

        Assert.False(parsed);
        Assert.Equal(["cursor"], errors.Keys);
    }
}
