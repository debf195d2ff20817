using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CustomerPlatform.Contracts.Standards;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.TestSupport;
using MassTransit;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// Tenant isolation and authentication, proven for every operation the services publish in their OpenAPI
/// documents: a new endpoint is covered by these tests the day it is added.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class IsolationTests(PlatformFixture platform)
{
    [Fact]
    public async Task EveryOperation_WithAnotherBusinessKey_LooksExactlyLikeAMissingId()
    {
        var resources = await CreateResourcesOfBusinessAAsync();
        var operations = (await ReadOperationsAsync()).Where(operation => operation.HasPathIds).ToList();
        var purchasesBefore = await CountPurchasesAsync(resources.CustomerId);
        var interactionsBefore = await CountInteractionsAsync(resources.CustomerId);
        Assert.NotEmpty(operations);

        foreach (var operation in operations)
        {
            var body = SampleBodies.Valid(operation);
            var ownPath = operation.PathWith(name => resources.ValueFor(operation, name));
            var missingPath = operation.PathWith(_ => Guid.CreateVersion7().ToString());

            using var foreign = await platform.SendAsync(new HttpMethod(operation.Method), ownPath, platform.BusinessB, body);
            using var missing = await platform.SendAsync(new HttpMethod(operation.Method), missingPath, platform.BusinessB, body);

            Assert.False(foreign.IsSuccessStatusCode, $"{operation}: business B reached business A's resource ({foreign.StatusCode}).");
            Assert.Equal(missing.StatusCode, foreign.StatusCode);
            Assert.Equal(await ProblemTypeAsync(missing), await ProblemTypeAsync(foreign));
            if (!operation.IsWrite)
            {
                Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
                using var own = await platform.SendAsync(HttpMethod.Get, ownPath, platform.BusinessA);
                Assert.True(own.StatusCode == HttpStatusCode.OK, $"{operation}: business A should read its own resource ({own.StatusCode}); the ids of this test are wrong.");
            }
        }

        Assert.Equal(purchasesBefore, await CountPurchasesAsync(resources.CustomerId));
        Assert.Equal(interactionsBefore, await CountInteractionsAsync(resources.CustomerId));
        Assert.Equal(0L, await platform.Database("customersdb").ScalarAsync<long>(
            "SELECT count(*) FROM interactions WHERE id = @id AND follow_up_completed_at IS NOT NULL", ("id", resources.InteractionId)));
    }

    [Fact]
    public async Task EveryOperation_ThroughTheGatewayWithoutAValidKey_Returns401Problem()
    {
        var operations = await OpenApiOperation.ReadPlatformAsync(platform, includeGateway: true);
        var unknownKey = $"cpk_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";
        var revokedKey = await CreateKeyAsync(Scopes.All, expiresAt: null);
        using (var revoke = await platform.SendAsync(HttpMethod.Delete, $"/api/v1/keys/{revokedKey.Id}", platform.BusinessA))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        var expiringKey = await CreateKeyAsync(Scopes.All, DateTimeOffset.UtcNow.AddSeconds(2));
        await Eventually.AssertAsync(async () =>
        {
            using var expired = await platform.SendAsync(HttpMethod.Get, "/api/v1/branches", new Business(platform.BusinessA.Id, expiringKey.Key));
            return expired.StatusCode == HttpStatusCode.Unauthorized;
        }, "the key should stop working once it expires");
        Assert.Contains(operations, operation => operation.Service == "gateway");
        AuthenticationHeaderValue?[] credentials =
        [
            null,
            new("Bearer", "not-a-key"),
            new("Bearer", unknownKey),
            new("Bearer", platform.BusinessA.ApiKey + "x"),
            new("Bearer", revokedKey.Key),
            new("Bearer", expiringKey.Key),
            new("Basic", Convert.ToBase64String("a:b"u8)),
        ];

        foreach (var operation in operations)
        {
            foreach (var credential in credentials)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(platform.Gateway.BaseAddress, operation.PathWith(_ => Guid.CreateVersion7().ToString())));
                request.Headers.Authorization = credential;
                if (SampleBodies.Valid(operation) is { } body)
                {
                    request.Content = JsonContent.Create(body);
                }

                using var response = await platform.Http.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation} with '{credential?.Scheme}' ({Describe(credential, revokedKey, expiringKey)}): {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task EveryServiceOperation_WithAKeyHoldingEveryScopeButItsOwn_Returns403Problem()
    {
        var resources = await CreateResourcesOfBusinessAAsync();
        var operations = await ReadOperationsAsync();
        var keysLacking = new Dictionary<string, IssuedKey>();
        foreach (var scope in Scopes.AllServiceScopes)
        {
            keysLacking[scope] = await CreateKeyAsync([.. Scopes.All.Where(held => held != scope)], expiresAt: null);
        }

        foreach (var operation in operations)
        {
            var needed = $"{operation.Service}:{(operation.IsWrite ? "write" : "read")}";
            var key = keysLacking[needed];
            using var response = await platform.SendAsync(
                new HttpMethod(operation.Method),
                operation.PathWith(name => resources.ValueFor(operation, name)),
                new Business(platform.BusinessA.Id, key.Key),
                SampleBodies.Valid(operation));

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{operation} with a key lacking '{needed}': {response.StatusCode}");
            await ProblemResponse.ReadAsync(response, HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Fact]
    public async Task EveryOperation_CalledStraightAtTheService_WithoutTheGatewaysToken_Returns401()
    {
        var operations = await ReadOperationsAsync();
        var foreignKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48));
        var forgedToken = InternalToken.Create(foreignKey, new InternalCaller(platform.BusinessA.Id, Guid.NewGuid(), InternalTokens.AllScopes), DateTimeOffset.UtcNow);
        AuthenticationHeaderValue?[] credentials =
        [
            null,
            new("Bearer", platform.BusinessA.ApiKey),
            new("Bearer", forgedToken),
        ];

        foreach (var operation in operations)
        {
            var service = platform.Services.Single(app => app.Name == operation.Service);
            foreach (var credential in credentials)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(service.BaseAddress, operation.PathWith(_ => Guid.CreateVersion7().ToString())));
                request.Headers.Authorization = credential;
                request.Headers.Add("X-Tenant-Id", platform.BusinessA.Id.ToString());
                if (SampleBodies.Valid(operation) is { } body)
                {
                    request.Content = JsonContent.Create(body);
                }

                using var response = await platform.Http.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation} straight to {service.Name} with '{credential?.Scheme}': {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task ClientSentTenantAndBranchHeaders_ChangeNothing()
    {
        var resources = await CreateResourcesOfBusinessAAsync();
        var operations = (await ReadOperationsAsync()).Where(operation => operation.HasPathIds && !operation.IsWrite).ToList();

        foreach (var operation in operations)
        {
            using var request = platform.Request(HttpMethod.Get, operation.PathWith(name => resources.ValueFor(operation, name)), platform.BusinessB);
            foreach (var header in new[] { "X-Tenant-Id", "Tenant-Id", "X-Business-Id", "tenant_id" })
            {
                request.Headers.TryAddWithoutValidation(header, platform.BusinessA.Id.ToString());
            }

            request.Headers.TryAddWithoutValidation("X-Branch", "central");

            using var response = await platform.Http.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{operation}: {response.StatusCode}");
        }
    }

    private Task<IReadOnlyList<OpenApiOperation>> ReadOperationsAsync() => OpenApiOperation.ReadPlatformAsync(platform, includeGateway: false);

    private async Task<BusinessAResources> CreateResourcesOfBusinessAAsync()
    {
        using var customer = await platform.SendAsync(HttpMethod.Post, "/api/v1/customers", platform.BusinessA, new { displayName = "Isolated Ida" });
        var customerId = (await customer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var purchase = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/purchases", platform.BusinessA,
            new { branch = "central", amount = 10m, currency = "EUR" });
        var purchaseId = (await purchase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var interaction = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/interactions", platform.BusinessA,
            new { channel = "phone", purpose = "enquiry", summary = "Asked about opening hours.", branch = "central", followUpDueAt = DateTimeOffset.UtcNow.AddDays(1) });
        var interactionId = (await interaction.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var refund = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/purchases/{purchaseId}/refunds", platform.BusinessA,
            new { kind = "refund", amount = 1m, reason = "Isolation probe" });
        var refundId = (await refund.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var visit = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{customerId}/visits", platform.BusinessA,
            new { branch = "central", staffMember = "Sam", service = "Fitting" });
        var visitId = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var feedback = await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback", platform.BusinessA, new { customerId, branch = "central", rating = 8 });
        var feedbackId = (await feedback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var categories = await platform.SendAsync(HttpMethod.Put, "/api/v1/feedback/complaint-categories", platform.BusinessA,
            new { items = new[] { new { code = "billing", label = "Billing" } } });
        Assert.Equal(HttpStatusCode.OK, categories.StatusCode);
        using var complaint = await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback/complaints", platform.BusinessA,
            new { customerId, branch = "central", channel = "phone", category = "billing", severity = "low", description = "Isolation probe" });
        var complaintId = (await complaint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var limits = await platform.SendAsync(HttpMethod.Put, "/api/v1/feedback/compensation-limits", platform.BusinessA, new
        {
            currency = "EUR",
            roles = new[] { new { role = "staff", rank = 1, limits = new { refund = 10m, creditNote = 10m, replacement = 10m, loyaltyPoints = 100 } } },
        });
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);
        using var compensation = await platform.SendAsync(HttpMethod.Post, $"/api/v1/feedback/complaints/{complaintId}/compensations", platform.BusinessA,
            new { type = "refund", amount = 5m, currency = "EUR", reason = "Isolation probe", offeredBy = "Sam", role = "staff" });
        var compensationId = (await compensation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var survey = await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback/surveys", platform.BusinessA, new
        {
            name = "Isolated survey",
            kind = "custom",
            defaultLanguage = "en-GB",
            questions = new[] { new { key = "comment", type = "freeText", text = new Dictionary<string, string> { ["en-GB"] = "Anything to add?" } } },
        });
        var surveyId = (await survey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Version 1 must exist for the version read to be business A's own resource.
        using var publishedSurvey = await platform.SendAsync(HttpMethod.Post, $"/api/v1/feedback/surveys/{surveyId}/publish", platform.BusinessA);
        Assert.Equal(HttpStatusCode.Created, publishedSurvey.StatusCode);
        using var surveyResponse = await platform.SendAsync(HttpMethod.Post, $"/api/v1/feedback/surveys/{surveyId}/responses", platform.BusinessA,
            new { customerId, branch = "central", channel = "letter", answers = new Dictionary<string, string> { ["comment"] = "Isolation probe" } });
        Assert.Equal(HttpStatusCode.Created, surveyResponse.StatusCode);
        var surveyResponseId = (await surveyResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var invitation = await platform.SendAsync(HttpMethod.Post, $"/api/v1/feedback/surveys/{surveyId}/invitations", platform.BusinessA,
            new { customerId, branch = "central", channel = "email" });
        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        var invitationId = (await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var segment = await platform.SendAsync(HttpMethod.Post, "/api/v1/customers/segments", platform.BusinessA,
            new { name = $"Isolated {Guid.NewGuid():N}", rules = new { conditions = Array.Empty<object>() } });
        var segmentId = (await segment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The erasure operations need a customer whose erasure was requested (reading one never made is a 404).
        using var erasedCustomer = await platform.SendAsync(HttpMethod.Post, "/api/v1/customers", platform.BusinessA, new { displayName = "Erased Ed" });
        var erasedCustomerId = (await erasedCustomer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var erasure = await platform.SendAsync(HttpMethod.Post, $"/api/v1/customers/{erasedCustomerId}/erasure", platform.BusinessA);
        Assert.Equal(HttpStatusCode.Accepted, erasure.StatusCode);
        // Loyalty's account appears asynchronously; the isolation checks need it to exist for business A.
        await Eventually.AssertAsync(async () =>
        {
            using var account = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/accounts/{customerId}", platform.BusinessA);
            return account.StatusCode == HttpStatusCode.OK;
        }, "Loyalty should open business A's account");
        using var importRequest = platform.Request(HttpMethod.Post, "/api/v1/customers/imports?mode=create", platform.BusinessA);
        importRequest.Content = new StringContent("email,displayName\nisolated.import@example.com,Isolated Import\n", System.Text.Encoding.UTF8, "text/csv");
        using var import = await platform.Http.SendAsync(importRequest);
        var importId = (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var reward = await platform.SendAsync(HttpMethod.Post, "/api/v1/loyalty/rewards", platform.BusinessA, new { name = "Isolated reward", costPoints = 1 });
        Assert.Equal(HttpStatusCode.Created, reward.StatusCode);
        var rewardId = (await reward.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The purchase's points arrive asynchronously; a redemption needs them.
        var redemptionId = await Eventually.GetAsync(async () =>
        {
            using var redemption = await platform.SendAsync(HttpMethod.Post, $"/api/v1/loyalty/accounts/{customerId}/redemptions", platform.BusinessA,
                new { rewardId, branch = "central" });
            return redemption.StatusCode == HttpStatusCode.Created
                ? (Guid?)(await redemption.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()
                : null;
        }, "business A's customer should be able to redeem a reward once the purchase's points arrive");
        // A program version and a ledger entry of business A, for the routes that read them.
        using var program = await platform.SendAsync(HttpMethod.Get, "/api/v1/loyalty/program", platform.BusinessA);
        using var programChange = platform.Request(HttpMethod.Put, "/api/v1/loyalty/program", platform.BusinessA,
            new { currencyName = "points", earn = new { pointsPerUnit = 1 } });
        programChange.Headers.TryAddWithoutValidation("If-Match", program.Headers.ETag!.Tag);
        using var programChanged = await platform.Http.SendAsync(programChange);
        Assert.True(programChanged.IsSuccessStatusCode, $"{programChanged.StatusCode}: {await programChanged.Content.ReadAsStringAsync()}");
        using var ledger = await platform.SendAsync(HttpMethod.Get, $"/api/v1/loyalty/accounts/{customerId}/ledger", platform.BusinessA);
        var ledgerEntryId = (await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetGuid();
        // A public address literal (no DNS), subscribed to an event this test does not cause.
        using var webhook = await platform.SendAsync(HttpMethod.Post, "/api/v1/loyalty/webhooks", platform.BusinessA,
            new { url = "https://1.1.1.1/isolation-probe", eventTypes = new[] { "loyalty.points-reversed.v1" } });
        Assert.Equal(HttpStatusCode.Created, webhook.StatusCode);
        var webhookId = (await webhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // An NPS standard, not a complaint-time one: that would take over business A's complaint targets.
        using var standard = await platform.SendAsync(HttpMethod.Post, "/api/v1/standards/service-standards", platform.BusinessA,
            new { name = "Isolated NPS", metric = "nps", comparator = "atLeast", target = 30 });
        Assert.Equal(HttpStatusCode.Created, standard.StatusCode);
        var standardId = (await standard.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var complianceItem = await platform.SendAsync(HttpMethod.Post, "/api/v1/standards/compliance-items", platform.BusinessA, new
        {
            title = "Isolated requirement",
            category = "privacy",
            source = new { name = "Privacy Act 2020" },
            owner = "Sam",
            frequencyMonths = 12,
        });
        Assert.Equal(HttpStatusCode.Created, complianceItem.StatusCode);
        var complianceItemId = (await complianceItem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var complianceCheck = await platform.SendAsync(HttpMethod.Post, $"/api/v1/standards/compliance-items/{complianceItemId}/checks", platform.BusinessA,
            new { checkedBy = "Sam", outcome = "pass", description = "Isolation probe" });
        Assert.Equal(HttpStatusCode.Created, complianceCheck.StatusCode);
        var complianceCheckId = (await complianceCheck.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A staff member and a policy with version 1 in force (and its clause), for the Standards routes that read them.
        using var staff = await platform.SendAsync(HttpMethod.Post, "/api/v1/standards/staff", platform.BusinessA,
            new { code = $"iso-{Guid.NewGuid():N}"[..20], name = "Isolated Iris", branch = "central" });
        Assert.Equal(HttpStatusCode.Created, staff.StatusCode);
        var staffId = (await staff.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var policy = await platform.SendAsync(HttpMethod.Post, "/api/v1/standards/policies", platform.BusinessA, new
        {
            area = "privacy",
            title = $"Isolated policy {Guid.NewGuid():N}",
            body = "Isolation probe",
            clauses = new[] { new { key = StandardsClauseKey, text = "We keep your data safe.", @public = true } },
            effectiveDate = "2026-01-01",
            owner = "Owner",
            reviewDueDate = "2099-01-01",
        });
        Assert.Equal(HttpStatusCode.Created, policy.StatusCode);
        var policyId = (await policy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policyId").GetGuid();
        using var publishedPolicy = await platform.SendAsync(HttpMethod.Post, $"/api/v1/standards/policies/{policyId}/versions/1/publish", platform.BusinessA);
        Assert.Equal(HttpStatusCode.OK, publishedPolicy.StatusCode);
        // Service periods from three months back, closing a year after they end: business A's first period has ended and
        // stays open to reads, while business B (never having chosen) has no period before the current month.
        var firstPeriod = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-3);
        using var periodSettings = await platform.SendAsync(HttpMethod.Get, "/api/v1/standards/service-period-settings", platform.BusinessA);
        using var periodsChange = platform.Request(HttpMethod.Put, "/api/v1/standards/service-period-settings", platform.BusinessA,
            new { length = "month", firstPeriodStart = firstPeriod, closeAfterHours = 8760 });
        if (periodSettings.Headers.ETag is { } periodsETag)
        {
            // Set by an earlier test of the collection.
            periodsChange.Headers.TryAddWithoutValidation("If-Match", periodsETag.Tag);
        }

        using var periods = await platform.Http.SendAsync(periodsChange);
        Assert.True(periods.StatusCode == HttpStatusCode.OK, $"{periods.StatusCode}: {await periods.Content.ReadAsStringAsync()}");
        var reviewId = await OpenReviewOfBusinessAAsync(standardId);
        return new BusinessAResources(customerId, purchaseId, interactionId, refundId, visitId, feedbackId, complaintId, segmentId, importId, erasedCustomerId, surveyId, compensationId, surveyResponseId, invitationId)
        {
            RewardId = rewardId,
            RedemptionId = redemptionId!.Value,
            WebhookId = webhookId,
            LedgerEntryId = ledgerEntryId,
            StandardId = standardId,
            ComplianceItemId = complianceItemId,
            ComplianceCheckId = complianceCheckId,
            PolicyId = policyId,
            StaffId = staffId,
            PeriodStart = firstPeriod,
            ReviewId = reviewId,
        };
    }

    /// <summary>A review action of business A, opened as a period close opens one: by the standard failing in a branch.</summary>
    private async Task<Guid> OpenReviewOfBusinessAAsync(Guid standardId)
    {
        var closed = new ServicePeriodClosed
        {
            TenantId = platform.BusinessA.Id,
            PeriodId = Guid.NewGuid(),
            Length = "month",
            Start = new DateOnly(2026, 1, 1),
            End = new DateOnly(2026, 2, 1),
            Results =
            [
                new ServicePeriodResult
                {
                    StandardId = standardId, StandardVersion = 1, Metric = "nps", Branch = "central", Actual = 10, Target = 30,
                    Comparator = "atLeast", Outcome = "breached", Failed = true, BreachedComplaintIds = [],
                },
            ],
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var broker = new Uri(platform.Broker.ConnectionString);
        var credentials = broker.UserInfo.Split(':');
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker.Host, (ushort)broker.Port, Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/')), host =>
        {
            host.Username(Uri.UnescapeDataString(credentials[0]));
            host.Password(Uri.UnescapeDataString(credentials[1]));
        }));
        await bus.StartAsync();
        try
        {
            await bus.Publish(closed);
        }
        finally
        {
            await bus.StopAsync();
        }

        return await Eventually.GetAsync(
            async () =>
            {
                using var list = await platform.SendAsync(HttpMethod.Get, "/api/v1/standards/reviews?branch=central&limit=200", platform.BusinessA);
                var reviews = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
                return reviews.Where(review => review.GetProperty("periodId").GetGuid() == closed.PeriodId).Select(review => review.GetProperty("id").GetGuid()).FirstOrDefault();
            },
            "business A's review should open once its period close is consumed");
    }

    private async Task<IssuedKey> CreateKeyAsync(IReadOnlyList<string> scopes, DateTimeOffset? expiresAt)
    {
        using var response = await platform.SendAsync(HttpMethod.Post, "/api/v1/keys", platform.BusinessA, new { name = "Isolation probe", scopes, expiresAt });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating a key gave {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new IssuedKey(created.GetProperty("id").GetGuid(), created.GetProperty("key").GetString()!);
    }

    private static string Describe(AuthenticationHeaderValue? credential, IssuedKey revoked, IssuedKey expired) => credential?.Parameter switch
    {
        null => "none",
        var key when key == revoked.Key => "revoked key",
        var key when key == expired.Key => "expired key",
        _ => "bad key",
    };

    private async Task<long> CountPurchasesAsync(Guid customerId) =>
        await platform.Database("customersdb").ScalarAsync<long>("SELECT count(*) FROM purchases WHERE customer_id = @id", ("id", customerId));

    private async Task<long> CountInteractionsAsync(Guid customerId) =>
        await platform.Database("customersdb").ScalarAsync<long>("SELECT count(*) FROM interactions WHERE customer_id = @id", ("id", customerId));

    private static async Task<string?> ProblemTypeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
    }

    private const string StandardsClauseKey = "keep-data-safe";

    private sealed record IssuedKey(Guid Id, string Key);

    /// <summary>Business A's resources, by the path parameter names the documents use.</summary>
    private sealed record BusinessAResources(
        Guid CustomerId, Guid PurchaseId, Guid InteractionId, Guid RefundId, Guid VisitId, Guid FeedbackId, Guid ComplaintId, Guid SegmentId, Guid ImportId,
        Guid ErasedCustomerId, Guid SurveyId, Guid CompensationId, Guid SurveyResponseId, Guid InvitationId)
    {
        public Guid RewardId { get; init; }

        public Guid RedemptionId { get; init; }
        public Guid WebhookId { get; init; }

        public Guid LedgerEntryId { get; init; }

        public Guid StandardId { get; init; }
        public Guid ComplianceItemId { get; init; }

        public Guid ComplianceCheckId { get; init; }
        public Guid PolicyId { get; init; }

        public Guid StaffId { get; init; }

        public DateOnly PeriodStart { get; init; }
        public Guid ReviewId { get; init; }

        /// <summary>A path parameter's value: an id, or for a survey's version its number (version 1 is published).</summary>
        public string ValueFor(OpenApiOperation operation, string parameter) => (operation.Service, parameter) switch
        {
            ("feedback", "version") => "1",
            ("loyalty", "version") => "1",
            ("standards", "version") => "1",
            ("standards", "clauseKey") => StandardsClauseKey,
            ("standards", "start") => PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => IdFor(operation, parameter).ToString(),
        };

        public Guid IdFor(OpenApiOperation operation, string parameter) => (operation.Service, parameter) switch
        {
            ("customers", "id") when operation.PathTemplate.EndsWith("/erasure", StringComparison.Ordinal) => ErasedCustomerId,
            (_, "customerId") => CustomerId,
            (_, "purchaseId") => PurchaseId,
            (_, "interactionId") => InteractionId,
            (_, "refundId") => RefundId,
            (_, "visitId") => VisitId,
            ("customers", "segmentId") => SegmentId,
            ("customers", "importId") => ImportId,
            ("customers", "id") => CustomerId,
            ("feedback", "id") when operation.PathTemplate.Contains("/complaints/", StringComparison.Ordinal) => ComplaintId,
            ("feedback", "id") when operation.PathTemplate.Contains("/responses/", StringComparison.Ordinal) => SurveyResponseId,
            ("feedback", "id") when operation.PathTemplate.Contains("/invitations/", StringComparison.Ordinal) => InvitationId,
            ("feedback", "id") => FeedbackId,
            ("feedback", "surveyId") => SurveyId,
            ("feedback", "compensationId") => CompensationId,
            ("loyalty", "rewardId") => RewardId,
            ("standards", "policyId") => PolicyId,
            ("standards", "staffId") => StaffId,
            ("standards", "reviewId") => ReviewId,
            ("loyalty", "redemptionId") => RedemptionId,
            ("loyalty", "entryId") => LedgerEntryId,
            ("loyalty", "id") when operation.PathTemplate.Contains("/webhooks/", StringComparison.Ordinal) => WebhookId,
            ("standards", "standardId") => StandardId,
            ("standards", "itemId") => ComplianceItemId,
            ("standards", "checkId") => ComplianceCheckId,
            // An id this test does not know yet: still proves "not reachable", though not against a real resource.
            _ => Guid.CreateVersion7(),
        };
    }
}
