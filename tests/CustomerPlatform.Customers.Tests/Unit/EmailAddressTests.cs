using System.Net.Mail;
using CustomerPlatform.Customers.Domain;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ann.smith@example.com", "ann.smith@example.com")]
    [InlineData("  Ann.Smith@Example.COM  ", "ann.smith@example.com")]
    [InlineData("\tBOB+loyalty@Mail.Example.co.uk\n", "bob+loyalty@mail.example.co.uk")]
    public void TryParse_WithValidAddress_NormalisesCaseAndWhitespace(string input, string expected)
    {
        var parsed = EmailAddress.TryParse(input, out var email);

        Assert.True(parsed);
        Assert.NotNull(email);
        Assert.Equal(expected, email.Value);
        Assert.Equal(expected, email.ToString());
    }

    [Fact]
    public void TryParse_SameAddressDifferentlyWritten_ComparesEqual()
    {
        EmailAddress.TryParse("ANN@EXAMPLE.COM", out var upper);
        EmailAddress.TryParse(" ann@example.com ", out var lower);

        Assert.Equal(upper, lower);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-an-email")]
    [InlineData("ann@")]
    [InlineData("@example.com")]
    [InlineData("ann@@example.com")]
    [InlineData("ann smith@example.com")]
    [InlineData("ann@example com")]
    [InlineData("Ann Smith <ann@example.com>")]
    [InlineData("ann@example.com, bob@example.com")]
    public void TryParse_WithMalformedAddress_IsRejected(string? input)
    {
        var parsed = EmailAddress.TryParse(input, out var email);

        Assert.False(parsed);
        Assert.Null(email);
    }

    [Theory]
    [InlineData("ann@localhost")]
    [InlineData("ann@example")]
    public void TryParse_WithoutDotInDomain_IsRejected(string input)
    {
        var parsed = EmailAddress.TryParse(input, out var email);

        Assert.False(parsed);
        Assert.Null(email);
    }

    [Fact]
    public void TryParse_LongerThan254Characters_IsRejected()
    {
        var input = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + ".example.com";

        var parsed = EmailAddress.TryParse(input, out var email);

        Assert.True(input.Length > 254);
        Assert.True(MailAddress.TryCreate(input, out _), "only the length should make it invalid");
        Assert.False(parsed);
        Assert.Null(email);
    }
}
