using System.Net;
using System.Text.Json;
using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.ComplaintsClient;

namespace CustomerPlatform.Feedback.Tests.Integration;

/// <summary>Complaint targets published by Standards: a new version pinned by new cases, in sequence order, owning the targets while in force.</summary>
[Trait("Category", "Integration")]
public sealed class ComplaintTargetsFromStandardsTests(FeedbackStandardsFixture fixture) : IClassFixture<FeedbackStandardsFixture>
{
    private const string TargetsPath = "/api/v1/feedback/complaint-targets";

    [Fact]
    public async Task TargetsPublished_NewComplaintsAreDueByTheStandardAndNameItsVersion_OpenOnesKeepTheirs()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var (before, _) = await OpenAsync(client, Body(branch: "nowhere", severity: "high"));
        var standardId = Guid.NewGuid();

        await PublishAsync(tenantId, 1, Resolve(null, 600, standardId, 3));
        var (after, _) = await OpenAsync(client, Body(branch: "nowhere", severity: "high"));

        var targets = await GetTargetsAsync(client);
        Assert.Equal((1, "standard"), (targets.GetProperty("version").GetInt32(), targets.GetProperty("source").GetString()));
        Assert.Equal(standardId, targets.GetProperty("standardId").GetGuid());
        var deadlines = after.GetProperty("deadlines");
        var receivedAt = after.GetProperty("receivedAt").GetDateTimeOffset();
        Assert.Equal(1, deadlines.GetProperty("targetsVersion").GetInt32());
        Assert.Equal(receivedAt.AddMinutes(600), deadlines.GetProperty("resolve").GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(standardId, deadlines.GetProperty("resolve").GetProperty("standard").GetProperty("standardId").GetGuid());
        Assert.Equal(3, deadlines.GetProperty("resolve").GetProperty("standard").GetProperty("version").GetInt32());
        // No acknowledgement standard: the business's own (here the platform's) target stays, naming no standard.
        Assert.Equal(receivedAt.AddMinutes(480), deadlines.GetProperty("acknowledge").GetProperty("dueAt").GetDateTimeOffset());
        Assert.False(deadlines.GetProperty("acknowledge").TryGetProperty("standard", out var none) && none.ValueKind != JsonValueKind.Null);
        using var reread = await client.GetAsync(new Uri($"{ComplaintsPath}/{before.GetProperty("id").GetGuid()}", UriKind.Relative));
        var kept = (await FeedbackApi.ReadJsonAsync(reread)).GetProperty("deadlines");
        Assert.Equal(0, kept.GetProperty("targetsVersion").GetInt32());
        Assert.Equal(before.GetProperty("receivedAt").GetDateTimeOffset().AddMinutes(2400), kept.GetProperty("resolve").GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task TargetsPublished_PerSeverity_TheSeverityOwnStandardWinsOverTheDefaultOne()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var general = Guid.NewGuid();
        var critical = Guid.NewGuid();

        await PublishAsync(tenantId, 1, Resolve(null, 900, general, 1), Resolve("critical", 120, critical, 2), Acknowledge("critical", 30, critical, 2));
        var (criticalCase, _) = await OpenAsync(client, Body(branch: "nowhere", severity: "critical"));
        var (lowCase, _) = await OpenAsync(client, Body(branch: "nowhere", severity: "low"));

        Assert.Equal((30, 120, critical), Minutes(criticalCase));
        Assert.Equal((480, 900, general), Minutes(lowCase));
    }

    [Fact]
    public async Task OlderPublication_ArrivingLate_DoesNotReplaceANewerOne()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var standardId = Guid.NewGuid();

        await PublishAsync(tenantId, 5, Resolve(null, 300, standardId, 2));
        await PublishAsync(tenantId, 4, Resolve(null, 999, standardId, 1));

        var targets = await GetTargetsAsync(client);
        Assert.Equal(1, targets.GetProperty("version").GetInt32());
        var row = targets.GetProperty("targets").EnumerateArray().First();
        Assert.Equal(300, row.GetProperty("resolveWithinMinutes").GetInt32());
        Assert.Equal(2, row.GetProperty("resolveStandard").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ReplaceComplaintTargets_WhileStandardsSetThem_Returns409_UntilStandardsPublishNone()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        using var own = await SendAsync(client, HttpMethod.Put, TargetsPath, OwnTargets(acknowledge: 90), "\"0\"");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await PublishAsync(tenantId, 1, Resolve(null, 600, Guid.NewGuid(), 1));

        using var refused = await SendAsync(client, HttpMethod.Put, TargetsPath, OwnTargets(acknowledge: 45), "\"2\"");
        await PublishAsync(tenantId, 2);
        var restored = await GetTargetsAsync(client);
        using var accepted = await SendAsync(client, HttpMethod.Put, TargetsPath, OwnTargets(acknowledge: 45), "\"3\"");

        await ProblemResponse.ReadAsync(refused, HttpStatusCode.Conflict, "complaint-targets-set-by-standards");
        Assert.Equal((3, "businessDefault"), (restored.GetProperty("version").GetInt32(), restored.GetProperty("source").GetString()));
        Assert.Equal(90, Assert.Single(restored.GetProperty("targets").EnumerateArray()).GetProperty("acknowledgeWithinMinutes").GetInt32());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task SamePublication_DeliveredTwice_MakesOneVersion()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var message = Published(tenantId, 1, Resolve(null, 600, Guid.NewGuid(), 1));
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(message, messageId);
        await fixture.PublishAsync(message, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2);

        Assert.Equal(1, (await GetTargetsAsync(client)).GetProperty("version").GetInt32());
    }

    private async Task PublishAsync(Guid tenantId, long sequence, params PublishedComplaintTarget[] targets)
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(Published(tenantId, sequence, targets), messageId);
        await fixture.WaitUntilConsumedAsync(messageId);
    }

    private static ComplaintTargetsPublished Published(Guid tenantId, long sequence, params PublishedComplaintTarget[] targets) => new()
    {
        TenantId = tenantId, Sequence = sequence, Targets = targets, OccurredAt = DateTimeOffset.UtcNow,
    };

    private static PublishedComplaintTarget Resolve(string? severity, int minutes, Guid standardId, int version) => new()
    {
        Kind = "resolve", Severity = severity, WithinMinutes = minutes, StandardId = standardId, StandardVersion = version,
    };

    private static PublishedComplaintTarget Acknowledge(string? severity, int minutes, Guid standardId, int version) => new()
    {
        Kind = "acknowledge", Severity = severity, WithinMinutes = minutes, StandardId = standardId, StandardVersion = version,
    };

    private static object OwnTargets(int acknowledge) =>
        new { targets = new[] { new { acknowledgeWithinMinutes = acknowledge, resolveWithinMinutes = 2400 } } };

    private static async Task<JsonElement> GetTargetsAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(TargetsPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FeedbackApi.ReadJsonAsync(response);
    }

    private static (int Acknowledge, int Resolve, Guid ResolveStandard) Minutes(JsonElement complaint)
    {
        var deadlines = complaint.GetProperty("deadlines");
        var receivedAt = complaint.GetProperty("receivedAt").GetDateTimeOffset();
        return (
            (int)(deadlines.GetProperty("acknowledge").GetProperty("dueAt").GetDateTimeOffset() - receivedAt).TotalMinutes,
            (int)(deadlines.GetProperty("resolve").GetProperty("dueAt").GetDateTimeOffset() - receivedAt).TotalMinutes,
            deadlines.GetProperty("resolve").GetProperty("standard").GetProperty("standardId").GetGuid());
    }
}
