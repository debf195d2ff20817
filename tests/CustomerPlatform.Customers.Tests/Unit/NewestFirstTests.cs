using CustomerPlatform.Customers.Features.History;
using CustomerPlatform.ServiceDefaults.Http;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class NewestFirstTests
{
    [Fact]
    public void TryCheck_Nothing_IsTheFirstPageOfTheDefaultSize()
    {
        var valid = NewestFirst.TryCheck(null, null, out var page, out _);

        Assert.True(valid);
        Assert.Equal(Paging.DefaultLimit, page.Limit);
        Assert.Null(page.AfterTime);
    }

    [Fact]
    public void TryCheck_AnIssuedCursor_ReadsBackTheTimeAndId()
    {
        var occurredAt = new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.FromHours(2)).AddTicks(10);
        var id = Guid.CreateVersion7();

        var valid = NewestFirst.TryCheck("10", NewestFirst.CursorAfter(occurredAt, id), out var page, out _);

        Assert.True(valid);
        Assert.Equal(occurredAt, page.AfterTime);
        Assert.Equal(id, page.AfterId);
        Assert.Equal(10, page.Limit);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void TryCheck_CursorOfAnotherListsKey_NamesTheCursor(string key)
    {
        var foreign = new PageCursor(key, Guid.CreateVersion7()).Encode();

        var valid = NewestFirst.TryCheck(null, foreign, out _, out var errors);

        Assert.False(valid);
        Assert.Equal(["cursor"], errors.Keys);
    }

    [Fact]
    public void TryCheck_LimitAboveTheCap_IsCapped()
    {
        var valid = NewestFirst.TryCheck("500", null, out var page, out _);

        Assert.True(valid);
        Assert.Equal(Paging.MaxLimit, page.Limit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("ten")]
    public void TryCheck_LimitNotAPageSize_NamesTheLimit(string limit)
    {
        var valid = NewestFirst.TryCheck(limit, null, out _, out var errors);

        Assert.False(valid);
        Assert.Equal(["limit"], errors.Keys);
    }
}
