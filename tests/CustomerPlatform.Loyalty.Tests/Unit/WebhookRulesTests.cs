using System.Net;
using CustomerPlatform.Loyalty.Domain.Webhooks;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Loyalty.Tests.Unit;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("fc00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    public void IsPublic_NonPublicAddress_IsFalse(string address)
    {
        var parsed = IPAddress.Parse(address);

        var isPublic = AddressRules.IsPublic(parsed);

        Assert.False(isPublic);
    }

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:1.1.1.1")]
    public void IsPublic_PublicAddress_IsTrue(string address)
    {
        var parsed = IPAddress.Parse(address);

        var isPublic = AddressRules.IsPublic(parsed);

        Assert.True(isPublic);
    }

    [Fact]
    public void Sign_KnownVector_MatchesOpenSsl()
    {
        // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test' -binary | base64
        const string Expected = "v1=OIdxOQIZk7gwrzL+6m4YqNqD6y9uSe5QvZ5M9MpNN4k=";

        var signature = WebhookSignature.Sign("whsec_test", 1700000000, "{\"a\":1}");

        Assert.Equal(Expected, signature);
    }

    [Fact]
    public void Header_TwoSecrets_SpaceSeparatedInOrder()
    {
        var header = WebhookSignature.Header(["whsec_new", "whsec_old"], 1700000000, "{}");

        Assert.Equal(
            WebhookSignature.Sign("whsec_new", 1700000000, "{}") + " " + WebhookSignature.Sign("whsec_old", 1700000000, "{}"), header);
    }

    [Fact]
    public void NextAttempt_GrowsWithAttemptsWithinJitter_AndGivesUpPastTheWindow()
    {
        var schedule = WebhookRetrySchedule.Default;
        var now = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var until = now + WebhookRetrySchedule.Window;

        var first = schedule.NextAttempt(1, now, until, jitter: 0);
        var second = schedule.NextAttempt(2, now, until, jitter: 0.999);
        var fourth = schedule.NextAttempt(4, now, until, jitter: 0.5);
        var late = schedule.NextAttempt(9, until - TimeSpan.FromMinutes(1), until, jitter: 0.5);

        Assert.Equal(now + TimeSpan.FromSeconds(24), first);
        Assert.True(second > now + TimeSpan.FromMinutes(2.39) && second < now + TimeSpan.FromMinutes(2.4));
        Assert.Equal(now + TimeSpan.FromHours(1), fourth);
        Assert.Null(late);
    }

    [Fact]
    public void RotateSecret_BothSignUntilTheOverlapEnds()
    {
        var now = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var subscription = WebhookSubscription.Create(Guid.NewGuid(), "https://1.1.1.1/", ["loyalty.points-earned.v1"], null, [1], now);

        subscription.RotateSecret([2], now);

        Assert.Equal([[2], [1]], subscription.SigningSecretCiphers(now + TimeSpan.FromHours(23)));
        Assert.Equal([[2]], subscription.SigningSecretCiphers(now + TimeSpan.FromHours(24)));
    }

    [Fact]
    public void Create_NoEventTypes_ThrowsDomainException()
    {
        var exception = Assert.Throws<DomainException>(() =>
            WebhookSubscription.Create(Guid.NewGuid(), "https://1.1.1.1/", [], null, [1], DateTimeOffset.UnixEpoch));

        Assert.Equal("no-event-types", exception.Code);
    }

    [Fact]
    public void Matches_BranchFilterAndEventType()
    {
        var subscription = WebhookSubscription.Create(Guid.NewGuid(), "https://1.1.1.1/", ["loyalty.points-earned.v1"], "north", [1], DateTimeOffset.UnixEpoch);

        Assert.True(subscription.Matches("loyalty.points-earned.v1", "north"));
        Assert.False(subscription.Matches("loyalty.points-earned.v1", "south"));
        Assert.False(subscription.Matches("loyalty.account-opened.v1", "north"));
    }
}
