using CustomerPlatform.Customers.Domain;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+442079460958", "+442079460958")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    [InlineData("(+1) 415-555-0100", "+14155550100")]
    [InlineData("+1.415.555.0100", "+14155550100")]
    [InlineData("  +49 (30) 901820  ", "+4930901820")]
    public void TryParse_WithCountryCode_ReturnsE164(string input, string expected)
    {
        var parsed = PhoneNumber.TryParse(input, out var phone);

        Assert.True(parsed);
        Assert.NotNull(phone);
        Assert.Equal(expected, phone.Value);
        Assert.Equal(expected, phone.ToString());
    }

    [Theory]
    [InlineData("+1234567")]
    [InlineData("+123456789012345")]
    public void TryParse_AtDigitCountBounds_IsAccepted(string input)
    {
        var parsed = PhoneNumber.TryParse(input, out var phone);

        Assert.True(parsed);
        Assert.Equal(input, phone?.Value);
    }

    [Theory]
    [InlineData("020 7946 0958")]
    [InlineData("4155550100")]
    [InlineData("+0 20 7946 0958")]
    [InlineData("000 20 7946 0958")]
    public void TryParse_WithoutCountryCode_IsRejected(string input)
    {
        var parsed = PhoneNumber.TryParse(input, out var phone);

        Assert.False(parsed);
        Assert.Null(phone);
    }

    [Theory]
    [InlineData("+44 20 CALL NOW")]
    [InlineData("+44 20 7946 095x")]
    [InlineData("+44/20/7946/0958")]
    [InlineData("+44 20 7946 0958 ext 12")]
    public void TryParse_WithLettersOrOtherSymbols_IsRejected(string input)
    {
        var parsed = PhoneNumber.TryParse(input, out var phone);

        Assert.False(parsed);
        Assert.Null(phone);
    }

    [Theory]
    [InlineData("+123456")]
    [InlineData("+1234567890123456")]
    [InlineData("+")]
    [InlineData("00")]
    public void TryParse_WithTooFewOrTooManyDigits_IsRejected(string input)
    {
        var parsed = PhoneNumber.TryParse(input, out var phone);

        Assert.False(parsed);
        Assert.Null(phone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_WithNothing_IsRejected(string? input)
    {
        var parsed = PhoneNumber.TryParse(input, out var phone);

        Assert.False(parsed);
        Assert.Null(phone);
    }

    [Fact]
    public void TryParse_LongerThan40Characters_IsRejected()
    {
        // Twelve digits, valid once compacted: only the raw length refuses it.
        var input = "+44" + new string(' ', 30) + "2079460958";

        var parsed = PhoneNumber.TryParse(input, out var phone);

        Assert.True(input.Length > 40);
        Assert.False(parsed);
        Assert.Null(phone);
    }
}
