using System.Security.Cryptography;
using System.Text;
using CustomerPlatform.Gateway.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Gateway.Tests.Unit;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Scopes = ["customers:read", "loyalty:read"];

    [Fact]
    public void Issue_NewKey_PlainTextHasPrefixAndItsLookup()
    {
        var tenantId = Guid.NewGuid();

        var (key, plainText) = ApiKey.Issue(tenantId, " Owner key ", Scopes, "central", Now);

        Assert.StartsWith(ApiKey.KeyPrefix, plainText, StringComparison.Ordinal);
        Assert.Equal(key.Lookup, ApiKey.LookupOf(plainText));
        Assert.Equal(12, key.Lookup.Length);
        Assert.Equal(tenantId, key.TenantId);
        Assert.Equal("Owner key", key.Name);
        Assert.Equal(Scopes, key.Scopes);
        Assert.Equal("central", key.Branch);
        Assert.Equal(Now, key.CreatedAt);
        Assert.Null(key.ExpiresAt);
        Assert.Null(key.RevokedAt);
        Assert.Null(key.LastUsedAt);
    }

    [Fact]
    public void Issue_NewKey_KeepsOnlyTheSha256OfThePlainText()
    {
        var (key, plainText) = ApiKey.Issue(Guid.NewGuid(), "Owner key", Scopes, null, Now);

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(plainText)), key.SecretHash);
        Assert.Equal(32, key.SecretHash.Length);
    }

    [Fact]
    public void Issue_TwoKeys_HaveDifferentLookupsAndSecrets()
    {
        var (first, firstPlainText) = ApiKey.Issue(Guid.NewGuid(), "a", Scopes, null, Now);
        var (second, secondPlainText) = ApiKey.Issue(Guid.NewGuid(), "b", Scopes, null, Now);

        Assert.NotEqual(first.Lookup, second.Lookup);
        Assert.NotEqual(firstPlainText, secondPlainText);
        Assert.NotEqual(first.SecretHash, second.SecretHash);
    }

    [Fact]
    public void Accepts_TheIssuedKey_ReturnsTrue()
    {
        var (key, plainText) = ApiKey.Issue(Guid.NewGuid(), "Owner key", Scopes, null, Now);

        var accepted = key.Accepts(plainText, Now.AddYears(5));

        Assert.True(accepted);
    }

    [Fact]
    public void Accepts_DifferentSecretWithTheSameLookup_ReturnsFalse()
    {
        var (key, plainText) = ApiKey.Issue(Guid.NewGuid(), "Owner key", Scopes, null, Now);
        var (_, otherPlainText) = ApiKey.Issue(Guid.NewGuid(), "Other key", Scopes, null, Now);
        var forged = $"{ApiKey.KeyPrefix}{key.Lookup}_{otherPlainText[(ApiKey.KeyPrefix.Length + 13)..]}";

        var accepted = key.Accepts(forged, Now);

        Assert.Equal(key.Lookup, ApiKey.LookupOf(forged));
        Assert.NotEqual(plainText, forged);
        Assert.False(accepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("cpk_")]
    public void Accepts_SomethingElse_ReturnsFalse(string presented)
    {
        var (key, _) = ApiKey.Issue(Guid.NewGuid(), "Owner key", Scopes, null, Now);

        var accepted = key.Accepts(presented, Now);

        Assert.False(accepted);
    }

    [Fact]
    public void Accepts_PlainTextWithDifferentCase_ReturnsFalse()
    {
        var (key, plainText) = ApiKey.Issue(Guid.NewGuid(), "Owner key", Scopes, null, Now);

        var accepted = key.Accepts(plainText.ToUpperInvariant(), Now);

        Assert.False(accepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cpk_")]
    [InlineData("cpk_0123456789ab")]
    [InlineData("cpk_0123456789a_secret")]
    [InlineData("cpk_0123456789abc_secret")]
    [InlineData("CPK_0123456789ab_secret")]
    [InlineData("pk_0123456789ab_secret")]
    [InlineData("Bearer cpk_0123456789ab_secret")]
    [InlineData(" cpk_0123456789ab_secret")]
    public void LookupOf_MalformedKey_ReturnsNull(string presented)
    {
        var lookup = ApiKey.LookupOf(presented);

        Assert.Null(lookup);
    }

    [Fact]
    public void LookupOf_OverlongKey_ReturnsNull()
    {
        var presented = "cpk_0123456789ab_" + new string('s', 112);

        var lookup = ApiKey.LookupOf(presented);

        Assert.Equal(129, presented.Length);
        Assert.Null(lookup);
    }

    [Fact]
    public void LookupOf_WellFormedKey_ReturnsTheTwelveCharactersAfterThePrefix()
    {
        var lookup = ApiKey.LookupOf("cpk_0123456789ab_c2VjcmV0");

        Assert.Equal("0123456789ab", lookup);
    }

    [Fact]
    public void Revoke_Twice_KeepsTheFirstTimeAndRefusesTheKey()
    {
        var (key, plainText) = ApiKey.Issue(Guid.NewGuid(), "Till", Scopes, null, Now);

        key.Revoke(Now.AddMinutes(1));
        key.Revoke(Now.AddMinutes(2));

        Assert.Equal(Now.AddMinutes(1), key.RevokedAt);
        Assert.False(key.Accepts(plainText, Now.AddMinutes(3)));
    }

    [Fact]
    public void Rotate_KeyInUse_IssuesNewSecretWithSameAttributesAndRevokesTheOld()
    {
        var expiresAt = Now.AddDays(30);
        var (key, oldPlainText) = ApiKey.Issue(Guid.NewGuid(), "Till", Scopes, "central", Now, expiresAt);
        var later = Now.AddHours(1);

        var (rotated, newPlainText) = key.Rotate(later);

        Assert.NotEqual(key.Id, rotated.Id);
        Assert.NotEqual(key.Lookup, rotated.Lookup);
        Assert.Equal((key.TenantId, key.Name, key.Branch, key.ExpiresAt), (rotated.TenantId, rotated.Name, rotated.Branch, rotated.ExpiresAt));
        Assert.Equal(key.Scopes, rotated.Scopes);
        Assert.Equal(later, key.RevokedAt);
        Assert.False(key.Accepts(oldPlainText, later));
        Assert.True(rotated.Accepts(newPlainText, later));
    }

    [Fact]
    public void Rotate_RevokedKey_ThrowsConflict()
    {
        var (key, _) = ApiKey.Issue(Guid.NewGuid(), "Till", Scopes, null, Now);
        key.Revoke(Now);

        var error = Assert.Throws<DomainException>(() => key.Rotate(Now.AddMinutes(1)));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Rotate_ExpiredKey_ThrowsConflict()
    {
        var (key, _) = ApiKey.Issue(Guid.NewGuid(), "Till", Scopes, null, Now, Now.AddMinutes(5));

        var error = Assert.Throws<DomainException>(() => key.Rotate(Now.AddMinutes(5)));

        Assert.Equal("key-not-active", error.Code);
    }

    [Fact]
    public void Issue_ExpiryNotInTheFuture_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApiKey.Issue(Guid.NewGuid(), "Till", Scopes, null, Now, Now));
    }
}
