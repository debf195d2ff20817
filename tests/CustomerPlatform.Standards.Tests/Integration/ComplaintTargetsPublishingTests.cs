using System.Net;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Standards.Tests.Integration.ServiceStandardsApiTests;

namespace CustomerPlatform.Standards.Tests.Integration;

/// <summary>ComplaintTargetsPublished: the whole set after each change of a complaint-time standard, numbered in order.</summary>
[Trait("Category", "Integration")]
public sealed class ComplaintTargetsPublishingTests(StandardsServiceFixture fixture) : IClassFixture<StandardsServiceFixture>
{
    private const string Exchange = "standards.complaint-targets-published.v1";

    [Fact]
    public async Task ComplaintTimeStandards_CreatedChangedRetired_PublishTheWholeSetInSequence()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, Exchange);

        var (resolveId, resolveETag) = await CreateAsync(client, Time("complaint-resolution-time", 960));
        var first = await NextAsync(probe, tenantId, 1);
        var (ackId, _) = await CreateAsync(client, Time("complaint-acknowledgement-time", 60, severity: "critical"));
        var second = await NextAsync(probe, tenantId, 2);
        // Only some branches: measured, but not a business-wide deadline.
        await CreateAsync(client, Time("complaint-resolution-time", 30, branches: ["north"]));
        var third = await NextAsync(probe, tenantId, 3);
        using var changed = await PutAsync(client, resolveId, resolveETag, Time("complaint-resolution-time", 720));
        var fourth = await NextAsync(probe, tenantId, 4);
        using var retired = await SendAsync(client, HttpMethod.Post, $"/api/v1/standards/service-standards/{resolveId}/retire", changed.Headers.ETag!.ToString(), null);
        var fifth = await NextAsync(probe, tenantId, 5);

        Assert.Equal([("resolve", null, 960, resolveId, 1)], Rows(first));
        Assert.Equal([("acknowledge", "critical", 60, ackId, 1), ("resolve", null, 960, resolveId, 1)], Rows(second));
        Assert.Equal(Rows(second), Rows(third));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([("acknowledge", "critical", 60, ackId, 1), ("resolve", null, 720, resolveId, 2)], Rows(fourth));
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal([("acknowledge", "critical", 60, ackId, 1)], Rows(fifth));
    }

    [Fact]
    public async Task TwoStandardsForOneSlot_TheStrictestIsPublished()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, Exchange);

        await CreateAsync(client, Time("complaint-resolution-time", 960, severity: "high"));
        await NextAsync(probe, tenantId, 1);
        var (strict, _) = await CreateAsync(client, Time("complaint-resolution-time", 240, severity: "high"));
        var published = await NextAsync(probe, tenantId, 2);

        Assert.Equal([("resolve", "high", 240, strict, 1)], Rows(published));
    }

    [Fact]
    public async Task OtherMetrics_PublishNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, Exchange);

        await CreateAsync(client, Nps(target: 30));
        await CreateAsync(client, Time("complaint-acknowledgement-time", 120));
        var published = await NextAsync(probe, tenantId, 1);

        // Had the NPS standard published, this would have been the second of the business.
        Assert.Equal([("acknowledge", null, 120)], Rows(published).Select(row => (row.Kind, row.Severity, row.Minutes)));
    }

    [Fact]
    public async Task CreateStandard_WithABranchKey_Returns403Problem()
    {
        using var client = fixture.Service.CreateClient();

        using var response = await client.SendWithTokenAsync(
            HttpMethod.Post, "/api/v1/standards/service-standards",
            InternalTokens.For(Guid.NewGuid(), ["standards:write"], "north"),
            Time("complaint-resolution-time", 60));

        await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    internal static object Time(string metric, int minutes, string? severity = null, string[]? branches = null) =>
        new { name = $"{metric} {minutes}", metric, comparator = "atMost", target = minutes, severity, branches };

    private static Task<ObservedEvent> NextAsync(EventProbe probe, Guid tenantId, long sequence) =>
        probe.WaitForAsync(
            message => message.GetGuid("tenantId") == tenantId && message.Message.GetProperty("sequence").GetInt64() == sequence,
            $"ComplaintTargetsPublished number {sequence} should be published");

    private static List<(string Kind, string? Severity, int Minutes, Guid StandardId, int Version)> Rows(ObservedEvent published) =>
    [
        .. published.Message.GetProperty("targets").EnumerateArray().Select(row => (
            row.GetProperty("kind").GetString()!,
            row.TryGetProperty("severity", out var severity) && severity.ValueKind == JsonValueKind.String ? severity.GetString() : null,
            row.GetProperty("withinMinutes").GetInt32(),
            row.GetProperty("standardId").GetGuid(),
            row.GetProperty("standardVersion").GetInt32())),
    ];
}
