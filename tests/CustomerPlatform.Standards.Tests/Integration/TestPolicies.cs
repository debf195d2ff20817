using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>Policies, staff and acknowledgements made through the API, for tests that need real ones to refer to.</summary>
internal static class TestPolicies
{
    public const string PoliciesPath = "/api/v1/standards/policies";

    /// <summary>Creates a policy whose version 1 (a draft) has the clause; fails unless the answer is 201.</summary>
    public static async Task<Guid> CreateAsync(HttpClient client, string clauseKey = "reply-fast", string[]? branches = null)
    {
        using var response = await client.PostAsJsonAsync(PoliciesPath, new
        {
            area = "response-times",
            title = $"Response times {Guid.NewGuid():N}",
            body = "How fast we answer.",
            clauses = new[] { new { key = clauseKey, text = "We reply within one business day.", @public = true } },
            effectiveDate = "2026-01-01",
            owner = "Operations manager",
            reviewDueDate = "2099-01-01",
            branches = branches ?? [],
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policyId").GetGuid();
    }

    /// <summary>Publishes a draft version, which asks the active staff of its branches to acknowledge it.</summary>
    public static async Task PublishAsync(HttpClient client, Guid policyId, int version = 1)
    {
        using var response = await client.PostAsync(new Uri($"{PoliciesPath}/{policyId}/versions/{version}/publish", UriKind.Relative), null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<Guid> RegisterStaffAsync(HttpClient client, string code, string branch)
    {
        using var response = await IdempotentRequest.PostAsync(client, "/api/v1/standards/staff", Guid.NewGuid().ToString(), new { code, name = "Staff " + code, branch });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task AcknowledgeAsync(HttpClient client, Guid policyId, int version, Guid staffId)
    {
        using var response = await client.PostAsJsonAsync($"{PoliciesPath}/{policyId}/versions/{version}/acknowledgements", new { staffId });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
