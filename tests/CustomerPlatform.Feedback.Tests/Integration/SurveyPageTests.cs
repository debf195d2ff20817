using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CustomerPlatform.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using static CustomerPlatform.Feedback.Tests.SurveyResponseApi;

namespace CustomerPlatform.Feedback.Tests.Integration;

/// <summary>The public survey page's HTML endpoints, without a browser (the end-to-end tests drive Chromium).</summary>
[Trait("Category", "Integration")]
public sealed partial class SurveyPageTests(FeedbackServiceFixture fixture) : IClassFixture<FeedbackServiceFixture>
{
    [Fact]
    public async Task Open_PendingLink_Returns200FormInTheInvitationsLanguageWithALabelForEveryControl()
    {
        var (_, _, link) = await InvitedAsync(BilingualSurvey(), language: "fr-FR");
        using var customer = Anonymous();

        using var page = await customer.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr-FR\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("Nous recommanderiez-vous ?", html, StringComparison.Ordinal);
        Assert.Contains("Envoyer mes réponses", html, StringComparison.Ordinal);
        Assert.Contains("(obligatoire)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<legend>", html, StringComparison.Ordinal);
        var ids = ControlId().Matches(html).Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(11 + 3, ids.Count);
        Assert.All(ids, id => Assert.Contains($"<label for=\"{id}\"", html, StringComparison.Ordinal));
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_InALanguageThePageDoesNotSpeak_FallsBackToEnglishChrome()
    {
        var (_, _, link) = await InvitedAsync(BilingualSurvey(extraLanguage: "pt-BR"), language: "pt-BR");
        using var customer = Anonymous();

        using var page = await customer.GetAsync(link);

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"pt-BR\">", html, StringComparison.Ordinal);
        Assert.Contains("Send my answers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ValidAnswers_Redirects303ToThanks_RecordsAWebResponseForTheInvitation_AndPublishesFeedbackReceived()
    {
        var tenantId = Guid.NewGuid();
        var customerId = Guid.NewGuid();
        await using var probe = await EventProbe.BindAsync(fixture.Broker.ConnectionString, FeedbackReceivedExchange);
        var (owner, surveyId, link) = await InvitedAsync(EveryTypeSurvey(), tenantId: tenantId, customerId: customerId);
        using var customer = Anonymous();

        using var submitted = await customer.PostAsync(link, Form(("nps", "9"), ("csat", "4"), ("visit", "repair"), ("liked", "price"), ("liked", "speed"), ("comment", "Lovely")));

        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        Assert.Equal(link + "/thanks", submitted.Headers.Location?.OriginalString);
        using var thanks = await customer.GetAsync(submitted.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Contains("Thank you", await thanks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var list = await owner.GetAsync(ResponsesOf(surveyId));
        var response = Assert.Single((await FeedbackApi.ReadJsonAsync(list)).GetProperty("items").EnumerateArray());
        Assert.Equal("web", response.GetProperty("channel").GetString());
        Assert.Equal(customerId, response.GetProperty("customerId").GetGuid());
        Assert.Equal("central", response.GetProperty("branch").GetString());
        Assert.Equal(9, response.GetProperty("nps").GetInt32());
        var responseId = response.GetProperty("id").GetGuid();
        var observed = await probe.WaitForAsync(message => message.GetGuid("feedbackId") == responseId, $"FeedbackReceived for {responseId} should be published");
        Assert.Equal(tenantId, observed.GetGuid("tenantId"));
        Assert.Equal("survey", observed.GetString("source"));
        Assert.Equal(9, observed.Message.GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task Submit_MissingRequiredAnswer_Returns400FormWithErrorSummaryLinkingToTheField_KeepingWhatWasEntered()
    {
        var (owner, surveyId, link) = await InvitedAsync(EveryTypeSurvey());
        using var customer = Anonymous();

        using var page = await customer.PostAsync(link, Form(("csat", "4"), ("liked", "staff"), ("comment", "<b>Kept</b> & shown")));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Error: Every type</title>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#q-nps-0\">Recommend us?: Please answer this question.</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"q-nps-hint q-nps-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"q-nps-0\" name=\"nps\" value=\"0\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"4\" checked", html, StringComparison.Ordinal);
        Assert.Contains("value=\"staff\" checked", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Kept&lt;/b&gt; &amp; shown</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid=\"true\"", html[html.IndexOf("q-csat", StringComparison.Ordinal)..], StringComparison.Ordinal);
        using var list = await owner.GetAsync(ResponsesOf(surveyId));
        Assert.Empty((await FeedbackApi.ReadJsonAsync(list)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Submit_OutOfRangeScoreOrUnknownOption_Returns400NamingTheAnswerNotOffered()
    {
        var (_, _, link) = await InvitedAsync(EveryTypeSurvey());
        using var customer = Anonymous();

        using var page = await customer.PostAsync(link, Form(("nps", "11"), ("visit", "nowhere")));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#q-nps-0\">Recommend us?: Please choose one of the answers offered.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#q-visit-shop\">Why?: Please choose one of the answers offered.</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Again_Returns409AlreadyAnswered_AndOpeningTheLinkShows200AlreadyAnswered()
    {
        var (owner, surveyId, link) = await InvitedAsync(EveryTypeSurvey());
        using var customer = Anonymous();
        using var first = await customer.PostAsync(link, Form(("nps", "7")));

        using var second = await customer.PostAsync(link, Form(("nps", "1")));
        using var opened = await customer.GetAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Already answered", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Already answered", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var list = await owner.GetAsync(ResponsesOf(surveyId));
        Assert.Equal(7, Assert.Single((await FeedbackApi.ReadJsonAsync(list)).GetProperty("items").EnumerateArray()).GetProperty("nps").GetInt32());
    }

    [Fact]
    public async Task Submit_TwoRacing_ExactlyOneIsRecorded()
    {
        var (owner, surveyId, link) = await InvitedAsync(EveryTypeSurvey());
        using var customer = Anonymous();

        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => customer.PostAsync(link, Form(("nps", "5")))));

        Assert.Equal(1, racing.Count(response => response.StatusCode == HttpStatusCode.SeeOther));
        Assert.Equal(3, racing.Count(response => response.StatusCode == HttpStatusCode.Conflict));
        using var list = await owner.GetAsync(ResponsesOf(surveyId));
        Assert.Single((await FeedbackApi.ReadJsonAsync(list)).GetProperty("items").EnumerateArray());
        foreach (var response in racing)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ExpiredLink_Returns410PageInTheInvitationsLanguage_ForOpenSubmitAndThanks()
    {
        var (_, _, link) = await InvitedAsync(BilingualSurvey(), language: "fr-FR");
        await fixture.Database.ExecuteAsync(
            "UPDATE survey_invitations SET expires_at = now() - interval '1 minute' WHERE id = @id", ("id", IdOf(link)));
        using var customer = Anonymous();

        using var opened = await customer.GetAsync(link);
        using var submitted = await customer.PostAsync(link, Form(("nps", "9")));
        using var thanks = await customer.GetAsync(link + "/thanks");

        Assert.Equal(HttpStatusCode.Gone, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, thanks.StatusCode);
        var html = await opened.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr-FR\">", html, StringComparison.Ordinal);
        Assert.Contains("Ce lien a expiré", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchivedSurvey_ShowsTheExpiredPage410()
    {
        var (owner, surveyId, link) = await InvitedAsync(EveryTypeSurvey());
        using var archived = await owner.PostAsync($"{SurveysPath}/{surveyId}/archive", null);
        using var customer = Anonymous();

        using var opened = await customer.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, opened.StatusCode);
        Assert.Contains("This link has expired", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThanksBeforeAnswering_Redirects303ToTheForm()
    {
        var (_, _, link) = await InvitedAsync(EveryTypeSurvey());
        using var customer = Anonymous();

        using var thanks = await customer.GetAsync(link + "/thanks");

        Assert.Equal(HttpStatusCode.SeeOther, thanks.StatusCode);
        Assert.Equal(link, thanks.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("x%20y")]
    public async Task UnknownOrMalformedToken_Returns404PageInTheBrowsersLanguage(string token)
    {
        using var customer = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/s/" + token);
        request.Headers.AcceptLanguage.ParseAdd("de-CH, en;q=0.5");

        using var page = await customer.SendAsync(request);
        using var posted = await customer.PostAsync("/s/" + token, Form(("nps", "9")));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("Link nicht gefunden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedToken_ForARealInvitationWithAnotherMac_Returns404()
    {
        var (_, _, link) = await InvitedAsync(EveryTypeSurvey());
        var token = link["/s/".Length..];
        var forged = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        using var customer = Anonymous();

        using var page = await customer.GetAsync("/s/" + forged);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Submit_FuzzedBodies_NeverA5xx_AndNeverRecordAResponse()
    {
        var (owner, surveyId, link) = await InvitedAsync(EveryTypeSurvey());
        using var customer = Anonymous();
        var bodies = new HttpContent[]
        {
            new StringContent("{\"nps\":9}", Encoding.UTF8, "application/json"),
            new StringContent("nps=%ZZ&csat=%", Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent("nps=9&nps=10", Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent("nps=1e1", Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent("nps=-1", Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent("nps=99999999999999999999", Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent("nps=%00", Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent("comment=" + new string('x', SurveyTextLimit + 1), Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent(string.Join('&', Enumerable.Range(0, 2000).Select(i => $"k{i}=v")), Encoding.UTF8, "application/x-www-form-urlencoded"),
            new StringContent("--x\r\nbroken multipart", Encoding.UTF8, "multipart/form-data"),
            new ByteArrayContent([0xFF, 0xFE, 0x00, 0x3D]) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
            new StringContent("", Encoding.UTF8, "text/plain"),
        };

        foreach (var body in bodies)
        {
            using var response = await customer.PostAsync(link, body);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{await body.ReadAsStringAsync()} → {(int)response.StatusCode}");
        }

        using var list = await owner.GetAsync(ResponsesOf(surveyId));
        Assert.Empty((await FeedbackApi.ReadJsonAsync(list)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Stylesheet_IsServedCacheable()
    {
        using var customer = Anonymous();

        using var css = await customer.GetAsync("/s/assets/survey.css");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(":focus-visible", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("max-age=86400", css.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    private const int SurveyTextLimit = 4000;

    [GeneratedRegex("<(?:input|textarea)[^>]* id=\"([^\"]+)\"")]
    private static partial Regex ControlId();

    private HttpClient Anonymous() => fixture.Service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));

    private static Guid IdOf(string link)
    {
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(link.AsSpan("/s/".Length));
        return new Guid(bytes.AsSpan(0, 16));
    }

    /// <summary>A published survey with an invitation to it, as its owner (a client kept for the test's life) and the link's path.</summary>
    private async Task<(HttpClient Owner, Guid SurveyId, string Link)> InvitedAsync(
        object survey, Guid? tenantId = null, Guid? customerId = null, string? language = null)
    {
        var owner = fixture.Service.CreateTenantClient(tenantId ?? Guid.NewGuid());
        var surveyId = await CreateSurveyAsync(owner, survey);
        using var invited = await owner.PostAsJsonAsync($"{SurveysPath}/{surveyId}/invitations", new { customerId, branch = "central", channel = "email", language });
        Assert.True(invited.StatusCode == HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        return (owner, surveyId, (await FeedbackApi.ReadJsonAsync(invited)).GetProperty("url").GetString()!);
    }

    /// <summary>An NPS question (11 radios) and a choice of three, in English and French (and another language when asked).</summary>
    private static object BilingualSurvey(string? extraLanguage = null)
    {
        Dictionary<string, string> Text(string english, string french)
        {
            var text = new Dictionary<string, string> { ["en-GB"] = english, ["fr-FR"] = french };
            if (extraLanguage is not null)
            {
                text[extraLanguage] = english + " (" + extraLanguage + ")";
            }

            return text;
        }

        return new
        {
            name = "Bilingual",
            kind = "custom",
            defaultLanguage = "en-GB",
            questions = new object[]
            {
                new { key = "nps", type = "nps", required = true, text = Text("Recommend us?", "Nous recommanderiez-vous ?") },
                new
                {
                    key = "liked",
                    type = "multipleChoice",
                    text = Text("Liked?", "Apprécié ?"),
                    options = new[] { "price", "staff", "speed" }.Select(key => new { key, label = Text(key, key + " (fr)") }).ToArray(),
                },
            },
        };
    }
}
