using System.Net.Http.Json;
using System.Text.Json;

namespace CustomerPlatform.Loyalty.Tests.Integration;

/// <summary>The loyalty program endpoints, as a client calls them.</summary>
internal static class ProgramApi
{
    public const string Path = "/api/v1/loyalty/program";

    public static async Task<HttpResponseMessage> PutAsync(HttpClient client, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Replaces the program from whatever version is current and returns the new version's number.</summary>
    public static async Task<int> SetAsync(HttpClient client, object body)
    {
        using var current = await client.GetAsync(new Uri(Path, UriKind.Relative));
        current.EnsureSuccessStatusCode();
        using var response = await PutAsync(client, body, current.Headers.ETag!.Tag);
        response.EnsureSuccessStatusCode();
        var program = await response.Content.ReadFromJsonAsync<JsonElement>();
        return program.GetProperty("version").GetInt32();
    }
}
