using System.Net.Http.Headers;
using System.Net.Http.Json;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// Tokens as the gateway would sign them, so a test can call one service directly as a given tenant.
/// </summary>
public static class InternalTokens
{
    /// <summary>Every scope the platform defines.</summary>
    public static IReadOnlyList<string> AllScopes { get; } =
    [
        "customers:read", "customers:write",
        "feedback:read", "feedback:write",
        "loyalty:read", "loyalty:write",
        "standards:read", "standards:write",
    ];

    // Read through the services' own code path, so a key too short for them fails here too.
    private static readonly SymmetricSecurityKey Key = InternalToken.ReadSigningKey(
        new ConfigurationBuilder()
            .AddInMemoryCollection([new(InternalToken.SigningKeyConfigKey, TestInfrastructure.SigningKey)])
            .Build());

    /// <summary>A token for the tenant with the given scopes and a fresh key id, valid for <see cref="InternalToken.Lifetime"/>.</summary>
    public static string For(Guid tenantId, params string[] scopes) =>
        InternalToken.Create(Key, new InternalCaller(tenantId, Guid.NewGuid(), scopes), DateTimeOffset.UtcNow);

    /// <summary>A token for the tenant with exactly these scopes and, when given, a branch restriction.</summary>
    public static string For(Guid tenantId, IReadOnlyList<string> scopes, string? branch) =>
        InternalToken.Create(Key, new InternalCaller(tenantId, Guid.NewGuid(), scopes, branch), DateTimeOffset.UtcNow);

    /// <summary>Sends a request with the given internal token (and JSON body, when given).</summary>
    public static async Task<HttpResponseMessage> SendWithTokenAsync(this HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Sets a bearer token with every scope on the client. The token expires after <see cref="InternalToken.Lifetime"/>;
    /// for a client kept longer use <see cref="InternalTokenHandler"/> (as <c>ServiceFactory.CreateTenantClient</c> does).
    /// </summary>
    public static HttpClient WithToken(this HttpClient client, Guid tenantId)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", For(tenantId, [.. AllScopes]));
        return client;
    }
}
