using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.Feedback.Tests;

/// <summary>Complaint requests the tests share: the category list a case needs, opening one, and writes with If-Match.</summary>
internal static class ComplaintsClient
{
    public const string ComplaintsPath = "/api/v1/feedback/complaints";
    public const string CategoriesPath = "/api/v1/feedback/complaint-categories";
    public const string RootCausesPath = "/api/v1/feedback/complaint-root-causes";

    public static async Task SetCategoriesAsync(HttpClient client, params string[] codes)
    {
        using var response = await client.PutAsJsonAsync(CategoriesPath, new { items = codes.Select(code => new { code, label = $"Label of {code}" }) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static object Body(Guid? customerId = null, string branch = "central", string category = "billing", string severity = "medium", string? description = null) =>
        new { customerId, branch, channel = "phone", category, severity, description = description ?? "Charged twice for one haircut", assignedTo = "Sam" };

    /// <summary>Opens a case (creating the category first) and returns its body and ETag.</summary>
    public static async Task<(JsonElement Body, string ETag)> OpenAsync(HttpClient client, object? body = null)
    {
        await SetCategoriesAsync(client, "billing", "service");
        using var response = await client.PostAsJsonAsync(ComplaintsPath, body ?? Body());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await FeedbackApi.ReadJsonAsync(response), response.Headers.ETag!.ToString());
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> TransitionAsync(HttpClient client, Guid id, string? ifMatch, object body) =>
        SendAsync(client, HttpMethod.Post, $"{ComplaintsPath}/{id}/transitions", body, ifMatch);

    /// <summary>Applies the transitions in turn, each with the ETag the previous one returned; the last ETag.</summary>
    public static async Task<string> WalkAsync(HttpClient client, Guid id, string etag, params string[] statuses)
    {
        foreach (var to in statuses)
        {
            using var response = await TransitionAsync(client, id, etag, new { to });
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"to {to}: {await response.Content.ReadAsStringAsync()}");
            etag = response.Headers.ETag!.ToString();
        }

        return etag;
    }
}
