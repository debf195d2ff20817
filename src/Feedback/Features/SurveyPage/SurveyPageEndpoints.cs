using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Features.Invitations;
using CustomerPlatform.Feedback.Infrastructure;
using CustomerPlatform.Messaging.Outbox;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace CustomerPlatform.Feedback.Features.SurveyPage;

/// <summary>
/// The public survey page a customer opens from an invitation's link, through the gateway without an API key. The
/// link's token is the only credential: it names the invitation, whose tenant then scopes the rest of the request.
/// Every outcome is a page, never a problem document: 200 form, 400 form again with the errors, 303 to the thanks
/// page, 404 unknown or forged link, 410 expired (or the survey archived). An answered link shows "already answered":
/// 200 when opened (the link works, it just has nothing left to ask), 409 when a second submission is refused.
/// </summary>
public static class SurveyPageEndpoints
{
    public static WebApplication MapSurveyPage(this WebApplication app)
    {
        var pages = app.MapGroup(PublicPages.PathPrefix)
            .AllowAnonymous()
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers.ContentSecurityPolicy = PublicPages.ContentSecurityPolicy;
                headers["Referrer-Policy"] = PublicPages.ReferrerPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "no-store";
                return await next(context);
            });
        pages.MapGet("/{token}", ShowAsync);
        pages.MapPost("/{token}", SubmitAsync);
        pages.MapGet("/{token}/thanks", ThanksAsync);
        pages.MapGet("/assets/survey.css", (HttpResponse response) =>
        {
            // The same for every survey and every customer: cacheable, unlike the pages.
            response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Text(SurveyPageHtml.Stylesheet, "text/css; charset=utf-8");
        });
        return app;
    }

    private enum LinkState
    {
        Unknown,
        Open,
        Answered,
        Closed,
    }

    private sealed record Link(LinkState State, SurveyInvitation? Invitation = null, SurveyVersion? Version = null)
    {
        public SurveyPageText Text => SurveyPageText.For(Invitation?.Language);
    }

    public static async Task<IResult> ShowAsync(
        string token, HttpRequest request, SurveyLinks links, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var link = await FindAsync(token, links, db, tenant, clock.GetUtcNow(), cancellationToken);
        return link.State switch
        {
            LinkState.Open => Page(StatusCodes.Status200OK, SurveyPageHtml.Form(link.Text, link.Version!, link.Invitation!.Language, token, SurveyFormState.Empty)),
            LinkState.Answered => Answered(link, StatusCodes.Status200OK),
            _ => Unavailable(link, request),
        };
    }

    public static async Task<IResult> SubmitAsync(
        string token, HttpRequest request, SurveyLinks links, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await FindAsync(token, links, db, tenant, now, cancellationToken, track: true);
        if (link.State == LinkState.Answered)
        {
            return Answered(link, StatusCodes.Status409Conflict);
        }

        if (link.State != LinkState.Open)
        {
            return Unavailable(link, request);
        }

        var invitation = link.Invitation!;
        var version = link.Version!;
        var (answers, entered) = SurveyPageForm.Read(version.Questions, await ReadFormAsync(request, cancellationToken));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var read = SurveyAnswers.Read(version.Questions, answers, errors);
        if (read is null)
        {
            var state = new SurveyFormState(entered, SurveyPageForm.Errors(version.Questions, errors, entered, link.Text));
            return Page(StatusCodes.Status400BadRequest, SurveyPageHtml.Form(link.Text, version, invitation.Language, token, state));
        }

        var response = SurveySubmission.Record(version, invitation.CustomerId, invitation.Branch, ResponseChannel.Web, invitation.Language, read, now, now);
        invitation.Answer(response.Id, now);
        db.SurveyResponses.Add(response);
        db.EnqueueEvent(FeedbackReceivedEvents.For(response), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another submission through the same link was saved first (the invitation's row version moved): it won.
            return Answered(link, StatusCodes.Status409Conflict);
        }

        FeedbackTelemetry.ResponsesRecorded.Add(1);
        FeedbackTelemetry.RecordScores(response);
        // Post/Redirect/Get: reloading the thanks page cannot post the answers again.
        request.HttpContext.Response.Headers.Location = SurveyPageHtml.PathOf(token) + "/thanks";
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    public static async Task<IResult> ThanksAsync(
        string token, HttpRequest request, SurveyLinks links, FeedbackDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var link = await FindAsync(token, links, db, tenant, clock.GetUtcNow(), cancellationToken);
        switch (link.State)
        {
            case LinkState.Answered:
                return Page(StatusCodes.Status200OK, SurveyPageHtml.Message(link.Invitation!.Language, link.Text.ThanksTitle, link.Text.ThanksBody));
            case LinkState.Open:
                // Nothing answered yet: the form is what this link has to offer.
                request.HttpContext.Response.Headers.Location = SurveyPageHtml.PathOf(token);
                return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
            default:
                return Unavailable(link, request);
        }
    }

    /// <summary>
    /// The invitation behind the token, found across tenants (the request has none yet), whose tenant then becomes the
    /// request's, so the version and the response are read and written as that business's. One round trip: the
    /// invitation, whether its survey is still open and the version it asks, read together (each joined on the
    /// invitation's own tenant), as every page view and submission needs all three.
    /// </summary>
    private static async Task<Link> FindAsync(
        string token, SurveyLinks links, FeedbackDbContext db, TenantContext tenant, DateTimeOffset now, CancellationToken cancellationToken, bool track = false)
    {
        if (!links.TryRead(token, out var invitationId))
        {
            return new Link(LinkState.Unknown);
        }

        var found = await db.SurveyInvitations.IgnoreQueryFilters().AsNoTracking()
            .Where(candidate => candidate.Id == invitationId)
            .Select(candidate => new
            {
                Invitation = candidate,
                SurveyOpen = db.SurveyTemplates.IgnoreQueryFilters()
                    .Any(template => template.TenantId == candidate.TenantId && template.Id == candidate.SurveyId && template.ArchivedAt == null),
                Version = db.SurveyVersions.IgnoreQueryFilters()
                    .FirstOrDefault(version => version.TenantId == candidate.TenantId && version.SurveyId == candidate.SurveyId
                        && version.Number == candidate.SurveyVersion),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var invitation = found?.Invitation;
        // A caller that reached the service with a token of another business gets nothing of this one.
        if (invitation is null || (tenant.IsSet && tenant.TenantId != invitation.TenantId))
        {
            return new Link(LinkState.Unknown);
        }

        tenant.Set(invitation.TenantId);
        if (track)
        {
            // Read untracked with the rest; attached as read, so answering it updates it under its row version.
            db.SurveyInvitations.Attach(invitation);
        }

        var status = invitation.StatusAt(now);
        if (status == InvitationStatus.Responded)
        {
            return new Link(LinkState.Answered, invitation);
        }

        if (status == InvitationStatus.Expired || !found!.SurveyOpen || found.Version is null)
        {
            return new Link(LinkState.Closed, invitation);
        }

        return new Link(LinkState.Open, invitation, found.Version);
    }

    /// <summary>The posted fields; a body that is not a form, or one over the form limits, counts as no answers.</summary>
    private static async Task<Dictionary<string, StringValues>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return [];
        }

        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form.ToDictionary(field => field.Key, field => field.Value, StringComparer.Ordinal);
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException or FormatException)
        {
            return [];
        }
    }

    private static IResult Answered(Link link, int status) =>
        Page(status, SurveyPageHtml.Message(link.Invitation!.Language, link.Text.UsedTitle, link.Text.UsedBody));

    private static IResult Unavailable(Link link, HttpRequest request)
    {
        if (link.State == LinkState.Closed)
        {
            return Page(StatusCodes.Status410Gone, SurveyPageHtml.Message(link.Invitation!.Language, link.Text.ExpiredTitle, link.Text.ExpiredBody));
        }

        // No invitation to take a language from: the browser's preference, among those the page speaks.
        var text = SurveyPageText.ForAcceptLanguage(request.Headers.AcceptLanguage);
        return Page(StatusCodes.Status404NotFound, SurveyPageHtml.Message(text.Lang, text.NotFoundTitle, text.NotFoundBody));
    }

    private static ContentHttpResult Page(int status, string html) => TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
}
