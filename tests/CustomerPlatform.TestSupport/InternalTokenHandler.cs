using System.Net.Http.Headers;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// Signs a fresh internal token for every request, as the gateway does, so a client outlives a token's
/// one-minute lifetime. A request that already carries an Authorization header is sent as it is.
/// </summary>
public sealed class InternalTokenHandler(Guid tenantId, IReadOnlyList<string> scopes) : DelegatingHandler
{
    public InternalTokenHandler(Guid tenantId)
        : this(tenantId, InternalTokens.AllScopes)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", InternalTokens.For(tenantId, [.. scopes]));
        return base.SendAsync(request, cancellationToken);
    }
}
