using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Standards.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class PolicyLibraryTests(StandardsServiceFixture fixture) : IClassFixture<StandardsServiceFixture>
{
    private const string Policies = "/api/v1/standards/policies";
    private const string PolicyPublishedExchange = "standards.policy-published.v1";

    [Fact]
    public async Task Templates_AtLeastThreeAreas_AndCreatingFromOneGivesAnEditableDraft()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        var templates = await client.GetFromJsonAsync<JsonElement>("/api/v1/standards/policy-templates");
        using var created = await IdempotentRequest.PostAsync(client, Policies + "/from-template", Guid.NewGuid().ToString(), new { template = "complaints-handling", owner = "Operations manager" });

        var areas = templates.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("area").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "complaints-handling", "refunds-and-cancellation", "response-times" }, areas);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(1, draft.GetProperty("version").GetInt32());
        Assert.Contains(draft.GetProperty("clauses").EnumerateArray(), clause =>
            clause.GetProperty("key").GetString() == "acknowledge-within-one-business-day"
            && clause.GetProperty("text").GetString() == "We acknowledge every complaint within one business day of receiving it."
            && clause.GetProperty("public").GetBoolean());
        using var edited = await EditAsync(client, created.Headers.Location!.ToString(), created.Headers.ETag!.Tag, Content("Edited text."));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
    }

    [Fact]
    public async Task CreatePolicy_BadInput_Returns400WithFieldErrors()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PostAsJsonAsync(Policies, new
        {
            area = "no-such-area",
            title = "Bad",
            body = "Text",
            clauses = new object[] { new { key = "Not A Slug", text = "x" }, new { key = "same", text = "a" }, new { key = "same", text = "b" } },
            effectiveDate = "2026-12-01",
            owner = "Owner",
            reviewDueDate = "2026-01-01",
        });

        var problem = await ProblemResponse.ReadAsync(response, HttpStatusCode.BadRequest, "validation");
        ProblemResponse.ErrorsFor(problem, "area");
        ProblemResponse.ErrorsFor(problem, "clauses[0].key");
        ProblemResponse.ErrorsFor(problem, "clauses[2].key");
        ProblemResponse.ErrorsFor(problem, "reviewDueDate");
    }

    [Fact]
    public async Task Publish_MakesTheVersionImmutable_RetiresThePrevious_AsksActiveStaffOfItsBranches_AndPublishesTheEvent()
    {
        var tenant = Guid.NewGuid();
        using var client = fixture.Service.CreateTenantClient(tenant);
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, PolicyPublishedExchange);
        await RegisterStaffAsync(client, "N1", "north");
        var north2 = await RegisterStaffAsync(client, "N2", "north");
        await RegisterStaffAsync(client, "S1", "south");
        var inactive = await RegisterStaffAsync(client, "N3", "north");
        using (var deactivate = await ChangeStaffAsync(client, inactive, new { name = "N3", branch = "north", active = false }))
        {
            Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        }

        var policyId = await CreatePolicyAsync(client, "Refund rules", Content("Version one.", branches: ["north"]));
        using var published = await client.PostAsync($"{Policies}/{policyId}/versions/1/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var v1 = await client.GetAsync($"{Policies}/{policyId}/versions/1");

        using var editPublished = await EditAsync(client, $"{Policies}/{policyId}/versions/1", v1.Headers.ETag!.Tag, Content("Changed."));
        await ProblemResponse.ReadAsync(editPublished, HttpStatusCode.Conflict, "policy-version-immutable");
        using var draft2 = await IdempotentRequest.PostAsync(client, $"{Policies}/{policyId}/versions", Guid.NewGuid().ToString(), new { });
        Assert.Equal(HttpStatusCode.Created, draft2.StatusCode);
        using var secondDraft = await client.PostAsync($"{Policies}/{policyId}/versions", null);
        await ProblemResponse.ReadAsync(secondDraft, HttpStatusCode.Conflict, "policy-draft-exists");
        using var edit2 = await EditAsync(client, $"{Policies}/{policyId}/versions/2", draft2.Headers.ETag!.Tag, Content("Version two.", branches: ["north", "south"]));
        Assert.Equal(HttpStatusCode.OK, edit2.StatusCode);
        using var publish2 = await client.PostAsync($"{Policies}/{policyId}/versions/2/publish", null);
        Assert.Equal(HttpStatusCode.OK, publish2.StatusCode);
        using var republish = await client.PostAsync($"{Policies}/{policyId}/versions/2/publish", null);

        await ProblemResponse.ReadAsync(republish, HttpStatusCode.Conflict, "policy-version-not-draft");
        var version1 = await client.GetFromJsonAsync<JsonElement>($"{Policies}/{policyId}/versions/1");
        Assert.Equal("retired", version1.GetProperty("status").GetString());
        Assert.Equal("Version one.", version1.GetProperty("body").GetString());
        var policy = await client.GetFromJsonAsync<JsonElement>($"{Policies}/{policyId}");
        Assert.Equal("published", policy.GetProperty("status").GetString());
        Assert.Equal(2, policy.GetProperty("publishedVersion").GetInt32());
        var event2 = await probe.WaitForAsync(e => e.GetGuid("policyId") == policyId && e.Message.GetProperty("version").GetInt32() == 2, "PolicyPublished for version 2");
        Assert.Equal(tenant, event2.GetGuid("tenantId"));
        Assert.Equal(1, event2.Message.GetProperty("retiredVersion").GetInt32());
        Assert.Equal(3, event2.Message.GetProperty("acknowledgementsRequested").GetInt32());
        var event1 = await probe.WaitForAsync(e => e.GetGuid("policyId") == policyId && e.Message.GetProperty("version").GetInt32() == 1, "PolicyPublished for version 1");
        Assert.Equal(2, event1.Message.GetProperty("acknowledgementsRequested").GetInt32());
        var outstandingNorth = await client.GetFromJsonAsync<JsonElement>($"/api/v1/standards/policy-acknowledgements?branch=north&policyId={policyId}");
        Assert.Equal(4, outstandingNorth.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain(outstandingNorth.GetProperty("items").EnumerateArray(), item => item.GetProperty("staffId").GetGuid() == inactive);
        Assert.Contains(outstandingNorth.GetProperty("items").EnumerateArray(), item => item.GetProperty("staffId").GetGuid() == north2);
    }

    [Fact]
    public async Task Acknowledge_IsIdempotent_LeavesTheOutstandingList_AndCountsInTheRatePerBranch()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var north = await RegisterStaffAsync(client, "N1", "north");
        var south = await RegisterStaffAsync(client, "S1", "south");
        var policyId = await CreatePolicyAsync(client, "Greeting", Content("Smile."), area: "greeting-and-presentation");
        using (var publish = await client.PostAsync($"{Policies}/{policyId}/versions/1/publish", null))
        {
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        }

        using var first = await client.PostAsJsonAsync($"{Policies}/{policyId}/versions/1/acknowledgements", new { staffId = north });
        using var again = await client.PostAsJsonAsync($"{Policies}/{policyId}/versions/1/acknowledgements", new { staffId = north });
        var late = await RegisterStaffAsync(client, "S2", "south");
        using var notAsked = await client.PostAsJsonAsync($"{Policies}/{policyId}/versions/1/acknowledgements", new { staffId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var firstAt = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedAt").GetDateTimeOffset();
        Assert.Equal(firstAt, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedAt").GetDateTimeOffset());
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(notAsked, HttpStatusCode.BadRequest, "validation"), "staffId");
        var northOutstanding = await client.GetFromJsonAsync<JsonElement>("/api/v1/standards/policy-acknowledgements?branch=north");
        Assert.Equal(0, northOutstanding.GetProperty("items").GetArrayLength());
        var southOutstanding = await client.GetFromJsonAsync<JsonElement>("/api/v1/standards/policy-acknowledgements?branch=south&limit=1");
        Assert.Equal(1, southOutstanding.GetProperty("items").GetArrayLength());
        var nextPage = await client.GetFromJsonAsync<JsonElement>($"/api/v1/standards/policy-acknowledgements?branch=south&limit=1&cursor={southOutstanding.GetProperty("nextCursor").GetString()}");
        var southStaff = new[] { southOutstanding, nextPage }.Select(page => page.GetProperty("items")[0].GetProperty("staffId").GetGuid()).ToHashSet();
        Assert.Equal(new HashSet<Guid> { south, late }, southStaff);
        var rates = await client.GetFromJsonAsync<JsonElement>($"{Policies}/{policyId}/versions/1/acknowledgement-rates");
        Assert.Equal(3, rates.GetProperty("requested").GetInt32());
        Assert.Equal(1, rates.GetProperty("acknowledged").GetInt32());
        var byBranch = rates.GetProperty("branches").EnumerateArray().ToDictionary(row => row.GetProperty("branch").GetString()!, row => row.GetProperty("rate").GetDecimal());
        Assert.Equal(1m, byBranch["north"]);
        Assert.Equal(0m, byBranch["south"]);
    }

    [Fact]
    public async Task EditDraft_WithoutOrWithStaleIfMatch_Returns428And412()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var policyId = await CreatePolicyAsync(client, "Response times", Content("Fast."), area: "response-times");
        var path = $"{Policies}/{policyId}/versions/1";
        using var read = await client.GetAsync(path);

        using var missing = await client.PutAsJsonAsync(path, Content("Faster."));
        using var fresh = await EditAsync(client, path, read.Headers.ETag!.Tag, Content("Faster."));
        using var stale = await EditAsync(client, path, read.Headers.ETag!.Tag, Content("Fastest."));

        await ProblemResponse.ReadAsync(missing, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        await ProblemResponse.ReadAsync(stale, HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task ListPolicies_FiltersByAreaStatusAndReviewOverdue_AndClausesAreFoundByPolicyAndKey()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using (var area = await client.PostAsJsonAsync("/api/v1/standards/policy-areas", new { key = "home-visits", name = "Home visits" }))
        {
            Assert.Equal(HttpStatusCode.Created, area.StatusCode);
        }

        var overdue = await CreatePolicyAsync(client, "Old visits", Content("Old.", effective: "2020-01-01", reviewDue: "2021-01-01"), area: "home-visits");
        var current = await CreatePolicyAsync(client, "New visits", Content("New."), area: "home-visits");
        var draftOnly = await CreatePolicyAsync(client, "Drafty", Content("Draft."), area: "home-visits");
        await client.PostAsync($"{Policies}/{overdue}/versions/1/publish", null);
        await client.PostAsync($"{Policies}/{current}/versions/1/publish", null);
        using var duplicate = await client.PostAsJsonAsync(Policies, Create("home-visits", "New visits", Content("Again.")));

        await ProblemResponse.ReadAsync(duplicate, HttpStatusCode.Conflict, "duplicate");
        Assert.Equal([overdue], await IdsAsync(client, "area=home-visits&reviewOverdue=true"));
        Assert.Equal([current], await IdsAsync(client, "area=home-visits&status=published&reviewOverdue=false"));
        Assert.Equal([draftOnly], await IdsAsync(client, "area=home-visits&status=draft"));
        var clause = await client.GetFromJsonAsync<JsonElement>($"{Policies}/{current}/clauses/reply-fast");
        Assert.Equal(1, clause.GetProperty("number").GetInt32());
        using var draftClause = await client.GetAsync($"{Policies}/{draftOnly}/clauses/reply-fast");
        await ProblemResponse.ReadAsync(draftClause, HttpStatusCode.NotFound, "not-found");
        using var badStatus = await client.GetAsync($"{Policies}?status=sideways");
        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(badStatus, HttpStatusCode.BadRequest, "validation"), "status");
    }

    [Fact]
    public async Task TrainingRecords_ListedByStaffAndByPolicy_AndADraftCannotBeTrainedOn()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var staff = await RegisterStaffAsync(client, "T1", "central");
        var policyId = await CreatePolicyAsync(client, "Privacy basics", Content("Keep data safe."), area: "privacy");
        using var onDraft = await client.PostAsJsonAsync("/api/v1/standards/training-records",
            new { staffId = staff, policyId, version = 1, trainedAt = DateTimeOffset.UtcNow.AddHours(-1), trainer = "Alex" });
        await client.PostAsync($"{Policies}/{policyId}/versions/1/publish", null);

        using var recorded = await IdempotentRequest.PostAsync(client, "/api/v1/standards/training-records", Guid.NewGuid().ToString(),
            new { staffId = staff, policyId, version = 1, trainedAt = DateTimeOffset.UtcNow.AddHours(-1), trainer = "Alex", notes = "Induction" });

        ProblemResponse.ErrorsFor(await ProblemResponse.ReadAsync(onDraft, HttpStatusCode.BadRequest, "validation"), "version");
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var byStaff = await client.GetFromJsonAsync<JsonElement>($"/api/v1/standards/training-records?staffId={staff}");
        var byPolicy = await client.GetFromJsonAsync<JsonElement>($"/api/v1/standards/training-records?policyId={policyId}");
        Assert.Equal("Alex", byStaff.GetProperty("items").EnumerateArray().Single().GetProperty("trainer").GetString());
        Assert.Equal(staff, byPolicy.GetProperty("items").EnumerateArray().Single().GetProperty("staffId").GetGuid());
    }

    [Fact]
    public async Task Charter_ShowsOnlyPublicClausesInForce_OnAnEscapedPublicPage_ThatRotatingAndWithdrawingTakeDown()
    {
        using var client = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var anonymous = fixture.Service.CreateClient();
        var policyId = await CreatePolicyAsync(client, "Complaints <b>promise</b>", Content("Body."), area: "complaints-handling");
        await client.PostAsync($"{Policies}/{policyId}/versions/1/publish", null);
        using var published = await client.PutAsJsonAsync("/api/v1/standards/charter/publication", new { title = "Acme <script>alert(1)</script>" });
        var handle = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handle").GetString()!;

        var charter = await client.GetFromJsonAsync<JsonElement>("/api/v1/standards/charter");
        using var page = await anonymous.GetAsync($"/charter/{handle}");
        var html = await page.Content.ReadAsStringAsync();
        using var rotated = await client.PostAsync("/api/v1/standards/charter/publication/rotate", null);
        var newHandle = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handle").GetString()!;
        using var oldLink = await anonymous.GetAsync($"/charter/{handle}");
        using var newLink = await anonymous.GetAsync($"/charter/{newHandle}");
        using var withdrawn = await client.DeleteAsync("/api/v1/standards/charter/publication");
        using var afterWithdrawal = await anonymous.GetAsync($"/charter/{newHandle}");

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var clauses = charter.GetProperty("areas").EnumerateArray().Single().GetProperty("policies").EnumerateArray().Single().GetProperty("clauses");
        Assert.Equal(["reply-fast"], clauses.EnumerateArray().Select(clause => clause.GetProperty("key").GetString()));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("We reply within one business day.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal only", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Complaints &lt;b&gt;promise&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.NotEqual(handle, newHandle);
        Assert.Equal(HttpStatusCode.NotFound, oldLink.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newLink.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterWithdrawal.StatusCode);
    }

    [Fact]
    public async Task AnotherTenant_SeesNoneOfThePolicyStaffOrCharter()
    {
        using var owner = fixture.Service.CreateTenantClient(Guid.NewGuid());
        using var other = fixture.Service.CreateTenantClient(Guid.NewGuid());
        var staff = await RegisterStaffAsync(owner, "I1", "central");
        var policyId = await CreatePolicyAsync(owner, "Isolated", Content("Mine."), area: "privacy");
        await owner.PostAsync($"{Policies}/{policyId}/versions/1/publish", null);

        using var policy = await other.GetAsync($"{Policies}/{policyId}");
        using var version = await other.GetAsync($"{Policies}/{policyId}/versions/1");
        using var publish = await other.PostAsync($"{Policies}/{policyId}/versions/1/publish", null);
        using var staffRead = await other.GetAsync($"/api/v1/standards/staff/{staff}");
        var list = await other.GetFromJsonAsync<JsonElement>(Policies);
        var charter = await other.GetFromJsonAsync<JsonElement>("/api/v1/standards/charter");
        var tasks = await other.GetFromJsonAsync<JsonElement>("/api/v1/standards/policy-acknowledgements?status=all");

        await ProblemResponse.ReadAsync(policy, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(version, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(publish, HttpStatusCode.NotFound, "not-found");
        await ProblemResponse.ReadAsync(staffRead, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(0, charter.GetProperty("areas").GetArrayLength());
        Assert.Equal(0, tasks.GetProperty("items").GetArrayLength());
    }

    private static object Content(string body, string[]? branches = null, string effective = "2026-01-01", string reviewDue = "2099-01-01")
    {
        return new
        {
            body,
            clauses = new object[]
            {
                new { key = "reply-fast", text = "We reply within one business day.", @public = true },
                new { key = "internal-check", text = "Internal only: managers check replies weekly.", @public = false },
            },
            effectiveDate = effective,
            owner = "Operations manager",
            reviewDueDate = reviewDue,
            branches = branches ?? [],
        };
    }

    private static JsonElement Create(string area, string title, object content)
    {
        var node = JsonSerializer.SerializeToNode(content, JsonSerializerOptions.Web)!.AsObject();
        node["area"] = area;
        node["title"] = title;
        return JsonSerializer.SerializeToElement(node);
    }

    private static async Task<Guid> CreatePolicyAsync(HttpClient client, string title, object content, string area = "refunds-and-cancellation")
    {
        using var response = await client.PostAsJsonAsync(Policies, Create(area, title, content));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policyId").GetGuid();
    }

    private static async Task<Guid> RegisterStaffAsync(HttpClient client, string code, string branch)
    {
        using var response = await IdempotentRequest.PostAsync(client, "/api/v1/standards/staff", Guid.NewGuid().ToString(), new { code, name = "Staff " + code, branch });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> ChangeStaffAsync(HttpClient client, Guid staffId, object body)
    {
        using var read = await client.GetAsync($"/api/v1/standards/staff/{staffId}");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/standards/staff/{staffId}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> EditAsync(HttpClient client, string path, string etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"{Policies}?{query}");
        return [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];
    }
}
