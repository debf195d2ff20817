using CustomerPlatform.Feedback.Features.Invitations;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class SurveyLinksTests
{
    private static readonly SurveyLinks Links = LinksWith("a-signing-secret-of-at-least-32-bytes!!");

    [Fact]
    public void TryRead_TheTokenOfAnInvitation_GivesItsId()
    {
        var id = Guid.CreateVersion7();

        var read = Links.TryRead(Links.TokenOf(id), out var invitationId);

        Assert.True(read);
        Assert.Equal(id, invitationId);
    }

    [Fact]
    public void TryRead_ATokenWithOneCharacterChanged_IsRefused()
    {
        var token = Links.TokenOf(Guid.CreateVersion7()).ToCharArray();
        token[^2] = token[^2] == 'A' ? 'B' : 'A';

        Assert.False(Links.TryRead(new string(token), out _));
    }

    [Fact]
    public void TryRead_ATokenMadeWithAnotherKey_IsRefused()
    {
        var other = LinksWith("another-signing-secret-of-32-bytes-or-more");

        Assert.False(Links.TryRead(other.TokenOf(Guid.CreateVersion7()), out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryRead_Garbage_IsRefused(string? token)
    {
        Assert.False(Links.TryRead(token, out _));
    }

    [Fact]
    public void UrlOf_WithAPublicAddress_IsAbsolute()
    {
        var links = LinksWith("a-signing-secret-of-at-least-32-bytes!!", "https://feedback.example.com/");
        var id = Guid.CreateVersion7();

        Assert.Equal("https://feedback.example.com/s/" + links.TokenOf(id), links.UrlOf(id));
    }

    private static SurveyLinks LinksWith(string secret, string? publicBaseUrl = null) => new(new ConfigurationBuilder()
        .AddInMemoryCollection([new(InternalToken.SigningKeyConfigKey, secret), new(SurveyLinks.PublicBaseUrlConfigKey, publicBaseUrl)])
        .Build());
}
