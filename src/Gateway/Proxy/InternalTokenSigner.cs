using System.Collections.Concurrent;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPlatform.Gateway.Proxy;

/// <summary>
/// Signs the internal token for a caller, reusing one per key until half its lifetime has passed:
/// signing costs more than a dictionary lookup, and a reused token still expires well after it is sent.
/// </summary>
public sealed class InternalTokenSigner(IConfiguration configuration, TimeProvider clock)
{
    private readonly SymmetricSecurityKey _signingKey = InternalToken.ReadSigningKey(configuration);
    private readonly ConcurrentDictionary<Guid, Issued> _tokens = new();

    public string TokenFor(InternalCaller caller)
    {
        var now = clock.GetUtcNow();
        // The same caller instance comes from the authenticator's cache; a new one may carry changed scopes.
        if (_tokens.TryGetValue(caller.KeyId, out var issued) && ReferenceEquals(issued.Caller, caller) && issued.RenewAt > now)
        {
            return issued.Token;
        }

        var token = InternalToken.Create(_signingKey, caller, now);
        _tokens[caller.KeyId] = new Issued(caller, token, now + InternalToken.Lifetime / 2);
        return token;
    }

    private sealed record Issued(InternalCaller Caller, string Token, DateTimeOffset RenewAt);
}
