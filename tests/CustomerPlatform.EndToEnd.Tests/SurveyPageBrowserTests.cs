using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>
/// The public survey page in a real browser (Debian's headless Chromium driven by Playwright) through the real
/// gateway, with no API key: what a customer does with the link in their e-mail.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PlatformCollection.Name)]
public sealed class SurveyPageBrowserTests(PlatformFixture platform)
{
    /// <summary>Installed by <c>eng/infra.sh</c>; Playwright is never allowed to download a browser of its own.</summary>
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    [Fact]
    public async Task SurveyLink_AnsweredByKeyboardAndLabels_ShowsThanks_IsVisibleThroughTheApi_AndThenSaysAlreadyAnswered()
    {
        var (surveyId, link) = await InviteAsync();
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-GB" });
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspViolations.Add(message.Text);
            }
        };

        var opened = await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Recommend us?: Please answer this question." }).ClickAsync();
        await page.WaitForURLAsync(link + "#q-nps-0");
        var nps = page.GetByRole(AriaRole.Group, new() { Name = "Recommend us? (required)" });
        await nps.GetByLabel("0", new() { Exact = true }).FocusAsync();
        for (var step = 0; step < 9; step++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await page.GetByRole(AriaRole.Group, new() { Name = "How easy was it?" }).GetByLabel("2", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Repair").CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Price" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Speed" }).CheckAsync();
        await page.GetByLabel("Anything else?").FillAsync("Quick and friendly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(link + "/thanks");

        Assert.Equal((int)HttpStatusCode.OK, opened!.Status);
        Assert.Equal("no-referrer", await opened.HeaderValueAsync("referrer-policy"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-GB");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Already answered", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(cspViolations);
        var response = await ResponseAsync(surveyId);
        Assert.Equal("web", response.GetProperty("channel").GetString());
        Assert.Equal(9, response.GetProperty("nps").GetInt32());
        Assert.Equal(2, response.GetProperty("ces").GetInt32());
        var answers = response.GetProperty("answers").EnumerateArray().ToDictionary(answer => answer.GetProperty("key").GetString()!);
        Assert.Equal(["repair"], answers["visit"].GetProperty("choices").EnumerateArray().Select(choice => choice.GetString()));
        Assert.Equal(["price", "speed"], answers["liked"].GetProperty("choices").EnumerateArray().Select(choice => choice.GetString()));
        Assert.Equal("Quick and friendly", answers["comment"].GetProperty("text").GetString());
    }

    [Fact]
    public async Task SurveyPage_IsStyledUnderItsContentPolicy_AndIgnoresAnApiKey()
    {
        var (_, link) = await InviteAsync();
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + platform.BusinessA.ApiKey },
        });

        var opened = await page.GotoAsync(link);

        Assert.Equal((int)HttpStatusCode.OK, opened!.Status);
        var policy = await opened.HeaderValueAsync("content-security-policy");
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }))
            .ToHaveCSSAsync("background-color", "rgb(11, 87, 208)");
        using var forged = await platform.Http.GetAsync(new Uri(platform.Gateway.BaseAddress, "/s/not-a-real-token"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("text/html", forged.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<OwnedBrowser> LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Fail($"Chromium is not installed at {Chromium}: run 'eng/infra.sh install' (it installs Debian's chromium package).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new OwnedBrowser(playwright, browser);
    }

    /// <summary>A published survey of BusinessA and an invitation to it, as the absolute link on the gateway.</summary>
    private async Task<(Guid SurveyId, string Link)> InviteAsync()
    {
        using var created = await platform.SendAsync(HttpMethod.Post, "/api/v1/feedback/surveys", platform.BusinessA, new
        {
            name = "After your repair",
            kind = "custom",
            defaultLanguage = "en-GB",
            questions = new object[]
            {
                new { key = "nps", type = "nps", required = true, text = English("Recommend us?") },
                new { key = "ces", type = "ces", text = English("How easy was it?") },
                new { key = "visit", type = "singleChoice", text = English("Why did you come?"), options = Options("shop", "repair") },
                new { key = "liked", type = "multipleChoice", text = English("What did you like?"), options = Options("price", "staff", "speed") },
                new { key = "comment", type = "freeText", text = English("Anything else?") },
            },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var surveyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var published = await platform.SendAsync(HttpMethod.Post, $"/api/v1/feedback/surveys/{surveyId}/publish", platform.BusinessA);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        using var invited = await platform.SendAsync(HttpMethod.Post, $"/api/v1/feedback/surveys/{surveyId}/invitations", platform.BusinessA,
            new { branch = "central", channel = "email", customerId = Guid.NewGuid() });
        Assert.True(invited.StatusCode == HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        var path = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        return (surveyId, new Uri(platform.Gateway.BaseAddress, path).ToString());
    }

    private async Task<JsonElement> ResponseAsync(Guid surveyId)
    {
        using var list = await platform.SendAsync(HttpMethod.Get, $"/api/v1/feedback/surveys/{surveyId}/responses", platform.BusinessA);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        return Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()).Clone();
    }

    private static Dictionary<string, string> English(string text) => new() { ["en-GB"] = text };

    private static object[] Options(params string[] keys) =>
        [.. keys.Select(key => new { key, label = English(char.ToUpperInvariant(key[0]) + key[1..]) })];

    /// <summary>The browser and the Playwright driver behind it, closed together.</summary>
    private sealed class OwnedBrowser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync(BrowserNewPageOptions options) => browser.NewPageAsync(options);

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
