using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CustomerPlatform.Gateway.Features.Audit;
using CustomerPlatform.Gateway.Infrastructure;
using CustomerPlatform.Gateway.Proxy;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Gateway.Features.PersonalData;

/// <summary>
/// <c>GET /api/v1/customers/{id}/personal-data</c>: the gateway composes the export from each service's own
/// personal-data endpoint, called with the caller's internal token (so each service applies its own tenant filter
/// and scope), plus its own audit entries. A read view, so synchronous HTTP is allowed (DESIGN.md); see ADR 0003.
/// </summary>
public static class GetPersonalData
{
    public const string ClientName = "personal-data";

    public static void MapPersonalData(this IEndpointRouteBuilder app)
    {
        // More specific than the proxy's /api/v1/customers/{**rest}, so routing picks this endpoint for this path.
        app.MapGet("/api/v1/customers/{id:guid}/personal-data", HandleAsync)
            .WithTags("Personal data")
            .WithName("GetCustomerPersonalData")
            .RequireApiKeyScope(Scopes.CustomersRead);
    }

    public static void AddPersonalData(this IServiceCollection services) =>
        services.AddHttpClient(ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

    /// <summary>
    /// Everything held about the customer in every app, one section per app; a section a service could not give says
    /// so (<c>unavailable</c>, <c>forbidden</c>) and the document is then not <c>complete</c>. 404 when Customers
    /// does not know the id (also another business's); 503 when Customers cannot be reached.
    /// </summary>
    public static async Task<Results<Ok<PersonalDataDocument>, ProblemHttpResult>> HandleAsync(
        Guid id,
        HttpContext http,
        IHttpClientFactory clients,
        IConfiguration configuration,
        InternalTokenSigner signer,
        GatewayDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var caller = http.Features.GetRequiredFeature<InternalCaller>();
        var token = signer.TokenFor(caller);
        var client = clients.CreateClient(ClientName);
        var customers = await FetchAsync(client, configuration, token, "customers", $"/api/v1/customers/personal-data/{id}", cancellationToken);
        if (customers.Status == SectionStatus.None)
        {
            return Problems.NotFound("customer", id);
        }

        if (customers.Status != SectionStatus.Available)
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status503ServiceUnavailable,
                "The customer database is unavailable.",
                customers.Detail ?? "Retry later.");
        }

        var feedback = FetchAsync(client, configuration, token, "feedback", $"/api/v1/feedback/personal-data/{id}", cancellationToken);
        var loyalty = FetchAsync(client, configuration, token, "loyalty", $"/api/v1/loyalty/personal-data/{id}", cancellationToken);
        var standards = FetchStandardsAsync(client, configuration, token, cancellationToken);
        var audit = await AuditSectionAsync(db, caller.TenantId, id, cancellationToken);
        PersonalDataSection[] others = [await feedback, await loyalty, await standards];

        return TypedResults.Ok(new PersonalDataDocument(
            id,
            clock.GetUtcNow(),
            others.All(section => section.Status is SectionStatus.Available or SectionStatus.None),
            customers,
            others[0],
            others[1],
            others[2],
            audit));
    }

    private static async Task<PersonalDataSection> FetchStandardsAsync(
        HttpClient client, IConfiguration configuration, string token, CancellationToken cancellationToken)
    {
        var section = await FetchAsync(client, configuration, token, "standards", "/api/v1/standards/personal-data", cancellationToken);
        // Standards declares that it holds nothing about customers: an empty section, with its reason.
        return section is { Status: SectionStatus.Available, Data: { } data } && data.TryGetProperty("holdsPersonalData", out var holds) && !holds.GetBoolean()
            ? new PersonalDataSection(SectionStatus.None, data.TryGetProperty("reason", out var reason) ? reason.GetString() : null, null)
            : section;
    }

    private static async Task<PersonalDataSection> FetchAsync(
        HttpClient client, IConfiguration configuration, string token, string service, string path, CancellationToken cancellationToken)
    {
        var address = configuration[$"services:{service}:https:0"] ?? configuration[$"services:{service}:http:0"];
        if (string.IsNullOrWhiteSpace(address))
        {
            return new PersonalDataSection(SectionStatus.Unavailable, $"No address is configured for {service}.", null);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(address), path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => PersonalDataSection.Of(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)),
                HttpStatusCode.NotFound => new PersonalDataSection(SectionStatus.None, $"{Capitalised(service)} holds nothing about this customer.", null),
                HttpStatusCode.Forbidden => new PersonalDataSection(
                    SectionStatus.Forbidden, $"The API key lacks '{service}:read', so {service} did not export its data.", null),
                _ => new PersonalDataSection(SectionStatus.Unavailable, $"{Capitalised(service)} answered {(int)response.StatusCode}; retry later.", null),
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException
            && !cancellationToken.IsCancellationRequested)
        {
            return new PersonalDataSection(SectionStatus.Unavailable, $"{Capitalised(service)} could not be reached; retry later.", null);
        }
    }

    /// <summary>The gateway's own record: audited requests that acted on the customer's id (kept as the security log).</summary>
    private static async Task<PersonalDataSection> AuditSectionAsync(GatewayDbContext db, Guid tenantId, Guid customerId, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(entry => entry.TenantId == tenantId && entry.TargetId == customerId)
            .OrderByDescending(entry => entry.OccurredAt).ThenByDescending(entry => entry.Id)
            .Select(entry => new AuditEntryResponse(
                entry.Id, entry.KeyId, entry.Branch, entry.Method, entry.Route, entry.TargetId, entry.Status, entry.CorrelationId, entry.OccurredAt))
            .ToListAsync(cancellationToken);
        return PersonalDataSection.Of(JsonSerializer.SerializeToElement(new { items = entries }, Json));
    }

    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Microsoft.Extensions.Hosting.Extensions.ConfigureJson(options);
        return options;
    }

    private static string Capitalised(string service) => char.ToUpperInvariant(service[0]) + service[1..];
}
