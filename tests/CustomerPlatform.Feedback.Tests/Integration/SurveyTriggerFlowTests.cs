using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.Contracts.Customers;
using CustomerPlatform.TestSupport;
using Xunit;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;
using static CustomerPlatform.Feedback.Tests.SurveyTriggerApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SurveyTriggerFlowTests(SurveyTriggersFixture fixture) : IClassFixture<SurveyTriggersFixture>
{
    private const string InvitationCreatedExchange = "feedback.survey-invitation-created.v1";

    // Feedback also counts purchases for its reports, on a queue of its own.
    private const string PurchaseTriggerQueue = "feedback-purchase-recorded-trigger";

    [Fact]
    public async Task PurchaseRecorded_WithAPurchaseTrigger_InvitesByEmailForThePurchaseAndPublishesTheInvitation()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, InvitationCreatedExchange);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(channels: ["email", "sms"]));
        var customerId = Guid.NewGuid();
        await ConsentAsync(tenantId, customerId, "email", granted: true);
        await ConsentAsync(tenantId, customerId, "sms", granted: true);

        var purchaseId = await PurchaseAsync(tenantId, customerId);

        var invitation = await SingleInvitationAsync(client, surveyId, customerId);
        Assert.Equal("purchase", invitation.GetProperty("reason").GetString());
        Assert.Equal(purchaseId, invitation.GetProperty("sourceId").GetGuid());
        Assert.Equal("email", invitation.GetProperty("channel").GetString());
        Assert.Equal("central", invitation.GetProperty("branch").GetString());
        Assert.Equal("pending", invitation.GetProperty("status").GetString());
        var id = invitation.GetProperty("id").GetGuid();
        var observed = await probe.WaitForAsync(message => message.GetGuid("invitationId") == id, $"SurveyInvitationCreated for {id} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal("purchase", observed.GetString("reason"));
        Assert.Equal(purchaseId, observed.GetGuid("sourceId"));
        Assert.Equal(invitation.GetProperty("url").GetString(), observed.GetString("url"));
        var row = Assert.Single(await ListAsync(client, $"{ScheduledOf(surveyId)}?state=sent"));
        Assert.Equal(id, row.GetProperty("invitationId").GetGuid());
    }

    [Fact]
    public async Task PurchaseRecorded_DeliveredAgainOrRepublished_InvitesOnce()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger());
        var customerId = Guid.NewGuid();
        await ConsentAsync(tenantId, customerId, "email", granted: true);
        var purchase = Purchase(tenantId, customerId);
        var messageId = Guid.NewGuid();
        var republishedId = Guid.NewGuid();

        await fixture.PublishAsync(purchase, messageId);
        await fixture.PublishAsync(purchase, messageId);
        await fixture.PublishAsync(purchase, republishedId);
        await fixture.WaitUntilConsumedAsync(messageId, times: 2, queue: PurchaseTriggerQueue);
        await fixture.WaitUntilConsumedAsync(republishedId, queue: PurchaseTriggerQueue);

        await SingleInvitationAsync(client, surveyId, customerId);
        Assert.Single(await ListAsync(client, ScheduledOf(surveyId)));
    }

    [Fact]
    public async Task PurchaseRecorded_ByACustomerWhoConsentedAtSignUp_InvitesOnTheConsentedChannel()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(channels: ["email", "sms"]));
        var customerId = Guid.NewGuid();
        await PublishAndWaitAsync(new CustomerRegistered
        {
            TenantId = tenantId,
            CustomerId = customerId,
            DisplayName = "Sign-up Sam",
            ConsentedChannels = ["sms"],
            OccurredAt = DateTimeOffset.UtcNow,
        });

        await PurchaseAsync(tenantId, customerId);

        var invitation = await SingleInvitationAsync(client, surveyId, customerId);
        Assert.Equal("sms", invitation.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task PurchaseRecorded_WithSamplingRateZero_SchedulesNothing()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(samplingRate: 0));
        var customerId = Guid.NewGuid();
        await ConsentAsync(tenantId, customerId, "email", granted: true);

        await PurchaseAsync(tenantId, customerId);

        Assert.Empty(await ListAsync(client, ScheduledOf(surveyId)));
        Assert.Empty(await ListAsync(client, InvitationsOf(surveyId)));
    }

    [Fact]
    public async Task PurchaseRecorded_WithinTheQuietPeriod_IsSkippedForQuietPeriod()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(quietPeriodDays: 30));
        var customerId = Guid.NewGuid();
        await ConsentAsync(tenantId, customerId, "email", granted: true);
        await PurchaseAsync(tenantId, customerId);
        await SingleInvitationAsync(client, surveyId, customerId);

        var secondPurchaseId = await PurchaseAsync(tenantId, customerId);

        var skipped = await SkippedAsync(client, surveyId, secondPurchaseId);
        Assert.Equal("quietPeriod", skipped.GetProperty("skipReason").GetString());
        Assert.Single(await ListAsync(client, InvitationsOf(surveyId)));
    }

    [Fact]
    public async Task PurchaseRecorded_WithoutConsentOrWithConsentWithdrawn_IsSkippedForNoConsent()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(channels: ["email", "sms"]));
        var neverAsked = Guid.NewGuid();
        var withdrew = Guid.NewGuid();
        var grantedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
        await ConsentAsync(tenantId, withdrew, "email", granted: true, grantedAt);
        await ConsentAsync(tenantId, withdrew, "email", granted: false, grantedAt.AddMinutes(1));
        // An older grant arriving late must not bring consent back.
        await ConsentAsync(tenantId, withdrew, "email", granted: true, grantedAt.AddMinutes(-1));

        var neverAskedPurchase = await PurchaseAsync(tenantId, neverAsked);
        var withdrewPurchase = await PurchaseAsync(tenantId, withdrew);

        Assert.Equal("noConsent", (await SkippedAsync(client, surveyId, neverAskedPurchase)).GetProperty("skipReason").GetString());
        Assert.Equal("noConsent", (await SkippedAsync(client, surveyId, withdrewPurchase)).GetProperty("skipReason").GetString());
        Assert.Empty(await ListAsync(client, InvitationsOf(surveyId)));
    }

    [Fact]
    public async Task PurchaseRecorded_WhenOnlySmsIsAllowed_InvitesBySms()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(channels: ["email", "sms"]));
        var customerId = Guid.NewGuid();
        await ConsentAsync(tenantId, customerId, "email", granted: false);
        await ConsentAsync(tenantId, customerId, "sms", granted: true);

        await PurchaseAsync(tenantId, customerId);

        Assert.Equal("sms", (await SingleInvitationAsync(client, surveyId, customerId)).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task ServiceVisitRecorded_WithAVisitTriggerForAnotherBranch_SchedulesNothing_AndForItsBranch_Invites()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(on: "serviceVisit", branches: ["south"]));
        var customerId = Guid.NewGuid();
        await ConsentAsync(tenantId, customerId, "email", granted: true);

        await VisitAsync(tenantId, customerId, "central");
        var visitId = await VisitAsync(tenantId, customerId, "south");

        var invitation = await SingleInvitationAsync(client, surveyId, customerId);
        Assert.Equal("serviceVisit", invitation.GetProperty("reason").GetString());
        Assert.Equal(visitId, invitation.GetProperty("sourceId").GetGuid());
        Assert.Single(await ListAsync(client, ScheduledOf(surveyId)));
    }

    [Fact]
    public async Task ComplaintResolved_WithAFollowUpTrigger_InvitesWithReasonComplaintFollowUpForTheComplaint()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(on: "complaintResolved"));
        var customerId = Guid.NewGuid();
        await ConsentAsync(tenantId, customerId, "email", granted: true);
        var (complaint, etag) = await ComplaintsClient.OpenAsync(client, ComplaintsClient.Body(customerId: customerId));
        var complaintId = complaint.GetProperty("id").GetGuid();

        await ComplaintsClient.WalkAsync(client, complaintId, etag, "acknowledged", "investigating", "resolved");

        var invitation = await SingleInvitationAsync(client, surveyId, customerId);
        Assert.Equal("complaintFollowUp", invitation.GetProperty("reason").GetString());
        Assert.Equal(complaintId, invitation.GetProperty("sourceId").GetGuid());
    }

    [Fact]
    public async Task PurchaseRecorded_WithADelay_StaysPendingUntilDue()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(delay: 120));
        var customerId = Guid.NewGuid();
        await ConsentAsync(tenantId, customerId, "email", granted: true);
        var before = DateTimeOffset.UtcNow;

        await PurchaseAsync(tenantId, customerId);

        var row = Assert.Single(await ListAsync(client, $"{ScheduledOf(surveyId)}?state=pending"));
        Assert.InRange(row.GetProperty("dueAt").GetDateTimeOffset(), before.AddMinutes(120).AddSeconds(-5), DateTimeOffset.UtcNow.AddMinutes(120).AddSeconds(5));
        Assert.Equal("purchase", row.GetProperty("trigger").GetString());
        Assert.Empty(await ListAsync(client, InvitationsOf(surveyId)));
    }

    [Fact]
    public async Task CustomerErasureRequested_SkipsTheirDueRowsAndWithdrawsTheirOpenInvitations()
    {
        var tenantId = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenantId);
        var surveyId = await CreateSurveyAsync(client, EveryTypeSurvey());
        await SetAsync(client, surveyId, Trigger(delay: 600));
        var customerId = Guid.NewGuid();
        var otherId = Guid.NewGuid();
        await ConsentAsync(tenantId, customerId, "email", granted: true);
        await PurchaseAsync(tenantId, customerId);
        await PurchaseAsync(tenantId, otherId);
        using var invited = await client.PostAsJsonAsync(InvitationsOf(surveyId), new { customerId, branch = "central", channel = "email" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(new CustomerErasureRequested
        {
            TenantId = tenantId,
            ErasureId = Guid.NewGuid(),
            CustomerId = customerId,
            OccurredAt = DateTimeOffset.UtcNow,
        }, messageId);
        await fixture.WaitUntilConsumedAsync(messageId);

        var erased = Assert.Single(await ListAsync(client, $"{ScheduledOf(surveyId)}?customerId={customerId}"));
        Assert.Equal("skipped", erased.GetProperty("state").GetString());
        Assert.Equal("erased", erased.GetProperty("skipReason").GetString());
        Assert.Equal("pending", Assert.Single(await ListAsync(client, $"{ScheduledOf(surveyId)}?customerId={otherId}")).GetProperty("state").GetString());
        var withdrawn = Assert.Single(await ListAsync(client, $"{InvitationsOf(surveyId)}?customerId={customerId}"));
        Assert.Equal("expired", withdrawn.GetProperty("status").GetString());
    }

    private static PurchaseRecorded Purchase(Guid tenantId, Guid customerId, string branch = "central") => new()
    {
        TenantId = tenantId,
        PurchaseId = Guid.NewGuid(),
        CustomerId = customerId,
        Branch = branch,
        Amount = 12.5m,
        Currency = "EUR",
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task<Guid> PurchaseAsync(Guid tenantId, Guid customerId)
    {
        var purchase = Purchase(tenantId, customerId);
        await PublishAndWaitAsync(purchase, PurchaseTriggerQueue);
        return purchase.PurchaseId;
    }

    private async Task<Guid> VisitAsync(Guid tenantId, Guid customerId, string branch)
    {
        var visit = new ServiceVisitRecorded
        {
            TenantId = tenantId,
            VisitId = Guid.NewGuid(),
            CustomerId = customerId,
            Branch = branch,
            StaffMember = "Sam",
            Service = "Fitting",
            OccurredAt = DateTimeOffset.UtcNow,
        };
        await PublishAndWaitAsync(visit);
        return visit.VisitId;
    }

    private Task ConsentAsync(Guid tenantId, Guid customerId, string channel, bool granted, DateTimeOffset? at = null) =>
        PublishAndWaitAsync(new CustomerConsentChanged
        {
            TenantId = tenantId,
            CustomerId = customerId,
            Channel = channel,
            Granted = granted,
            Source = "central",
            OccurredAt = at ?? DateTimeOffset.UtcNow,
        });

    /// <param name="queue">The queue whose consumer the test waits for, when the service takes the message on more than one.</param>
    private async Task PublishAndWaitAsync<T>(T message, string? queue = null)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await fixture.PublishAsync(message, messageId);
        await fixture.WaitUntilConsumedAsync(messageId, queue: queue);
    }

    /// <summary>Waits for the worker to invite the customer, then checks it did so once.</summary>
    private static async Task<JsonElement> SingleInvitationAsync(HttpClient client, Guid surveyId, Guid customerId)
    {
        var path = $"{InvitationsOf(surveyId)}?customerId={customerId}";
        await Eventually.AssertAsync(async () => (await ListAsync(client, path)).Length > 0, $"customer {customerId} should be invited");
        return Assert.Single(await ListAsync(client, path));
    }

    private static async Task<JsonElement> SkippedAsync(HttpClient client, Guid surveyId, Guid sourceId)
    {
        var row = await Eventually.GetAsync<JsonElement?>(
            async () => (await ListAsync(client, $"{ScheduledOf(surveyId)}?state=skipped"))
                .Where(row => row.GetProperty("sourceId").GetGuid() == sourceId)
                .Select(row => (JsonElement?)row)
                .FirstOrDefault(),
            $"the row for {sourceId} should be skipped");
        return row!.Value;
    }
}
