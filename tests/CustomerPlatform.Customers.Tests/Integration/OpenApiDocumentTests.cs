using System.Net;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class OpenApiDocumentTests(CustomersServiceFixture fixture) : IClassFixture<CustomersServiceFixture>
{
    [Fact]
    public async Task EveryOperation_DocumentsItsProblemResponsesWithTheirTypes()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: path.Name, Method: operation.Name, Operation: operation.Value)))
            .ToList();
        Assert.True(operations.Count > 30, $"only {operations.Count} operations documented");
        foreach (var (path, method, operation) in operations)
        {
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "400", "401", "403", "503" }.Concat(path.Contains('{', StringComparison.Ordinal) ? ["404"] : []))
            {
                Assert.True(responses.TryGetProperty(status, out var problem), $"{method} {path} does not document {status}");
                Assert.Contains("urn:customer-platform:problem:", problem.GetProperty("description").GetString(), StringComparison.Ordinal);
            }
        }

        var update = document.RootElement.GetProperty("paths").GetProperty("/api/v1/customers/{id}").GetProperty("put").GetProperty("responses");
        Assert.Contains("precondition-failed", update.GetProperty("412").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("precondition-required", update.GetProperty("428").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(update.GetProperty("412").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }
}
