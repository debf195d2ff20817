using System.Net;
using System.Net.Http.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.ComplaintsClient;

namespace CustomerPlatform.Feedback.Tests.Integration;

/// <summary>A key restricted to one branch works that branch's cases only.</summary>
[Trait("Category", "Integration")]
public sealed class ComplaintAccessTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task OpenComplaint_BranchKeyForOtherBranch_Returns403AndStoresNothing()
    {
        var tenantId = Guid.NewGuid();
        using var admin = fixture.Service.CreateTenantClient(tenantId);
        await SetCategoriesAsync(admin, "billing");
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, ComplaintsPath, InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"), Body(branch: "north"));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0L, await fixture.Database.CountForTenantAsync("complaints", tenantId));
    }

    [Fact]
    public async Task OpenComplaint_BranchKeyForOwnBranch_Returns201()
    {
        var tenantId = Guid.NewGuid();
        using var admin = fixture.Service.CreateTenantClient(tenantId);
        await SetCategoriesAsync(admin, "billing");
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, ComplaintsPath, InternalTokens.For(tenantId, InternalTokens.AllScopes, "south"), Body(branch: "south"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ChangingAnotherBranchesComplaint_WithBranchKey_Returns403AndChangesNothing()
    {
        var tenantId = Guid.NewGuid();
        using var admin = fixture.Service.CreateTenantClient(tenantId);
        var (complaint, etag) = await OpenAsync(admin, Body(branch: "north"));
        var id = complaint.GetProperty("id").GetGuid();
        using var south = fixture.Service.CreateClient();
        var token = InternalTokens.For(tenantId, InternalTokens.AllScopes, "south");

        using var transition = await SendWithTokenAndIfMatchAsync(south, token, HttpMethod.Post, $"{ComplaintsPath}/{id}/transitions", new { to = "acknowledged" }, etag);
        using var assignment = await SendWithTokenAndIfMatchAsync(south, token, HttpMethod.Put, $"{ComplaintsPath}/{id}/assignment", new { assignedTo = "Eve" }, etag);
        using var note = await south.SendWithTokenAsync(HttpMethod.Post, $"{ComplaintsPath}/{id}/notes", token, new { visibility = "internal", text = "x", author = "Eve" });
        using var read = await south.SendWithTokenAsync(HttpMethod.Get, $"{ComplaintsPath}/{id}", token);

        await ProblemResponse.ReadAsync(transition, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(assignment, HttpStatusCode.Forbidden, "forbidden");
        await ProblemResponse.ReadAsync(note, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await FeedbackApi.ReadJsonAsync(read);
        Assert.Equal("received", body.GetProperty("status").GetString());
        Assert.Equal("Sam", body.GetProperty("assignedTo").GetString());
        Assert.Equal(0, body.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task ListComplaints_TokenWithOnlyWriteScope_Returns403()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(HttpMethod.Get, ComplaintsPath, InternalTokens.For(Guid.NewGuid(), ["feedback:write"], branch: null));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<HttpResponseMessage> SendWithTokenAndIfMatchAsync(HttpClient client, string token, HttpMethod method, string path, object body, string etag)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}
