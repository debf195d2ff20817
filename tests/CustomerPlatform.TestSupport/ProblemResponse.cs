using System.Net;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.TestSupport;

/// <summary>Reads an RFC 9457 body after checking the status and the media type every error must have.</summary>
public static class ProblemResponse
{
    public const string TypePrefix = "urn:customer-platform:problem:";

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expectedStatus, string expectedType)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == response.StatusCode, $"Expected {(int)expectedStatus}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal(TypePrefix + expectedType, problem.GetProperty("type").GetString());
        Assert.Equal((int)expectedStatus, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The messages under <c>errors[field]</c>, failing when the field has none.</summary>
    public static string[] ErrorsFor(JsonElement problem, string field)
    {
        if (!problem.TryGetProperty("errors", out var errors) || !errors.TryGetProperty(field, out var messages))
        {
            Assert.Fail($"Expected errors for '{field}' in {problem}");
            return [];
        }

        var result = messages.EnumerateArray().Select(message => message.GetString() ?? string.Empty).ToArray();
        Assert.NotEmpty(result);
        return result;
    }
}
