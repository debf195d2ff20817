using CustomerPlatform.Gateway.Features.Audit;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Unit;

public sealed class AuditCursorTests
{
    [Fact]
    public void Decode_OfEncoded_IsTheSameCursor()
    {
        var cursor = new AuditCursor(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero).AddTicks(1_230), Guid.CreateVersion7());

        Assert.True(AuditCursor.TryDecode(cursor.Encode(), out var decoded));

        Assert.Equal(cursor, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("AAAA")]
    [InlineData("__________________________________")]
    [InlineData("__________8AAAAAAAAAAAAAAAAAAAAA")]
    public void TryDecode_OfAnythingElse_IsFalse(string text) =>
        Assert.False(AuditCursor.TryDecode(text, out _));
}
