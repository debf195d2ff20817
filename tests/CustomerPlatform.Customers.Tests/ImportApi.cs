using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests;

/// <summary>Import and export calls the tests repeat.</summary>
internal static class ImportApi
{
    public const string ImportsPath = "/api/v1/customers/imports";

    public static StringContent Csv(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string csv, string query) =>
        client.PostAsync($"{ImportsPath}?{query}", Csv(csv));

    /// <summary>Starts an import and waits for it to finish; returns the finished job.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, string csv, string query)
    {
        using var response = await PostAsync(client, csv, query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Starting the import failed with {(int)response.StatusCode}: {body}");
        var location = response.Headers.Location!.ToString();
        return await WaitAsync(client, location);
    }

    public static Task<JsonElement> WaitAsync(HttpClient client, string location) =>
        Eventually.GetAsync<JsonElement?>(async () =>
        {
            using var job = await client.GetAsync(location);
            var current = await CustomersApi.ReadJsonAsync(job);
            return current.GetProperty("status").GetString() is "completed" or "failed" ? current : null;
        }, "the import job should finish", TimeSpan.FromSeconds(30)).ContinueWith(task => task.Result!.Value, TaskScheduler.Default);

    public static async Task<JsonElement> GetCustomerAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await CustomersApi.ReadJsonAsync(response);
    }

    public static async Task<JsonElement[]> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"{CustomersApi.CustomersPath}?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await CustomersApi.ReadJsonAsync(response)).GetProperty("items").EnumerateArray()];
    }
}
