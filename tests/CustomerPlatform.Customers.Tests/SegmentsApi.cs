using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace CustomerPlatform.Customers.Tests;

/// <summary>Segment calls the tests repeat.</summary>
internal static class SegmentsApi
{
    public const string Path = "/api/v1/customers/segments";

    public static async Task<Guid> CreateAsync(HttpClient client, string name, JsonNode conditions)
    {
        using var response = await client.PostAsJsonAsync(Path, new { name, rules = new { conditions } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating the segment failed with {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }
}
