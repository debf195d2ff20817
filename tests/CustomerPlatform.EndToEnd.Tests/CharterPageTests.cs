using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>The public service charter page through the real gateway, with no API key, as a customer opens it.</summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class CharterPageTests(PlatformFixture platform)
{
    [Fact]
    public async Task CharterLink_WithoutAnApiKey_ShowsThePublicClausesInForce_WithItsStylesheet_UntilWithdrawn()
    {
        using var policy = await platform.SendAsync(HttpMethod.Post, "/api/v1/standards/policies/from-template", platform.BusinessA,
            new { template = "complaints-handling", title = $"Complaints {Guid.NewGuid():N}", owner = "Manager" });
        Assert.Equal(HttpStatusCode.Created, policy.StatusCode);
        var policyId = (await policy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policyId").GetGuid();
        using var published = await platform.SendAsync(HttpMethod.Post, $"/api/v1/standards/policies/{policyId}/versions/1/publish", platform.BusinessA);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        using var publication = await platform.SendAsync(HttpMethod.Put, "/api/v1/standards/charter/publication", platform.BusinessA, new { title = "Our promise <to you>" });
        Assert.True(publication.IsSuccessStatusCode, await publication.Content.ReadAsStringAsync());
        var path = (await publication.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString()!;

        using var page = await platform.Http.GetAsync(new Uri(platform.Gateway.BaseAddress, path));
        var html = await page.Content.ReadAsStringAsync();
        using var stylesheet = await platform.Http.GetAsync(new Uri(platform.Gateway.BaseAddress, "/charter/assets/charter.css"));
        using var forged = await platform.Http.GetAsync(new Uri(platform.Gateway.BaseAddress, "/charter/not-a-real-handle-at-all"));
        using var withdrawn = await platform.SendAsync(HttpMethod.Delete, "/api/v1/standards/charter/publication", platform.BusinessA);
        using var afterWithdrawal = await platform.Http.GetAsync(new Uri(platform.Gateway.BaseAddress, path));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("We acknowledge every complaint within one business day of receiving it.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Staff record every complaint", html, StringComparison.Ordinal);
        Assert.Contains("Our promise &lt;to you&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("style-src 'self'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterWithdrawal.StatusCode);
    }
}
