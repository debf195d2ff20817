using CustomerPlatform.Loyalty.Domain.Webhooks;
using CustomerPlatform.Loyalty.Infrastructure;
using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Idempotency;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary><c>/webhooks</c>: a business's subscriptions, their secrets and settings. Needs the webhooks:manage scope.</summary>
public static class ManageWebhooks
{
    public static void MapManageWebhooks(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("", CreateAsync).WithName("CreateWebhook").WithIdempotency<LoyaltyDbContext>()
            .WithSummary("Subscribes a URL to loyalty events; the signing secret is in this response only.");
        webhooks.MapGet("", ListAsync).WithName("ListWebhooks");
        webhooks.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook");
        webhooks.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateWebhook").RequiresIfMatch();
        webhooks.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook");
        webhooks.MapPost("/{id:guid}/secret", RotateSecretAsync).WithName("RotateWebhookSecret")
            .WithSummary("A new signing secret; the previous one also signs for 24 h.");
        webhooks.MapGet("/settings", GetSettingsAsync).WithName("GetWebhookSettings");
        webhooks.MapPut("/settings", PutSettingsAsync).WithName("SetWebhookSettings");
        webhooks.MapGet("/event-types", () => TypedResults.Ok(WebhookEventTypes.ByName.Keys.Order(StringComparer.Ordinal).ToList()))
            .WithName("ListWebhookEventTypes");
    }

    public static async Task<Results<Created<CreatedWebhookResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateWebhookRequest request, LoyaltyDbContext db, TenantContext tenant, WebhookSecrets secrets, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = CheckShape(request.Url, request.EventTypes, request.Branch);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (ForbiddenFor(tenant, request.Branch) is { } forbidden)
        {
            return forbidden;
        }

        if (await RefuseUrlAsync(request.Url, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var secret = WebhookSecrets.Generate();
        var row = WebhookSubscription.Create(tenant.TenantId, request.Url!.Trim(), request.EventTypes!, Trimmed(request.Branch), secrets.Encrypt(secret), now);
        db.WebhookSubscriptions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = ETags.From(row.Version);
        return TypedResults.Created(
            $"/api/v1/loyalty/webhooks/{row.Id}",
            new CreatedWebhookResponse(row.Id, row.Url, row.EventTypes, row.Branch, row.Status, secret, row.CreatedAt));
    }

    public static async Task<Results<Ok<WebhookPage>, ValidationProblem>> ListAsync(
        string? limit, string? cursor, LoyaltyDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var take = Paging.ReadLimit(limit, errors);
        var after = Paging.ReadTimeCursor(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.WebhookSubscriptions.AsNoTracking();
        if (tenant.Branch is { } branch)
        {
            query = query.Where(row => row.Branch == branch);
        }

        if (after is { } position)
        {
            query = query.Where(row => row.CreatedAt > position.At || (row.CreatedAt == position.At && row.Id.CompareTo(position.Id) > 0));
        }

        var rows = await query.OrderBy(row => row.CreatedAt).ThenBy(row => row.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = rows.Count > take ? PageCursor.At(rows[take - 1].CreatedAt, rows[take - 1].Id).Encode() : null;
        return TypedResults.Ok(new WebhookPage([.. rows.Take(take).Select(WebhookResponse.From)], next));
    }

    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(
        Guid id, LoyaltyDbContext db, TenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var row = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound("webhook", id);
        }

        if (ForbiddenFor(tenant, row.Branch) is { } forbidden)
        {
            return forbidden;
        }

        http.Response.Headers.ETag = ETags.From(row.Version);
        return TypedResults.Ok(WebhookResponse.From(row));
    }

    public static async Task<Results<Ok<WebhookResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateWebhookRequest request, LoyaltyDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = CheckShape(request.Url, request.EventTypes, request.Branch);
        if (request.DisabledReason is { Length: > WebhookSubscription.MaxReasonLength })
        {
            errors["disabledReason"] = [$"At most {WebhookSubscription.MaxReasonLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var row = await db.WebhookSubscriptions.FirstOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound("webhook", id);
        }

        if ((ForbiddenFor(tenant, row.Branch) ?? ForbiddenFor(tenant, request.Branch)) is { } forbidden)
        {
            return forbidden;
        }

        if (ETags.CheckIfMatch(http.Request, ETags.From(row.Version)) is { } precondition)
        {
            return precondition;
        }

        if (await RefuseUrlAsync(request.Url, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        row.Replace(request.Url!.Trim(), request.EventTypes!, Trimmed(request.Branch), request.Status ?? WebhookStatus.Active, request.DisabledReason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = ETags.From(row.Version);
        return TypedResults.Ok(WebhookResponse.From(row));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, LoyaltyDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        var row = await db.WebhookSubscriptions.FirstOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound("webhook", id);
        }

        if (ForbiddenFor(tenant, row.Branch) is { } forbidden)
        {
            return forbidden;
        }

        // Its deliveries go with it (cascade): their log is the subscription's.
        db.WebhookSubscriptions.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<WebhookSecretResponse>, ProblemHttpResult>> RotateSecretAsync(
        Guid id, LoyaltyDbContext db, TenantContext tenant, WebhookSecrets secrets, TimeProvider clock, CancellationToken cancellationToken)
    {
        var row = await db.WebhookSubscriptions.FirstOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound("webhook", id);
        }

        if (ForbiddenFor(tenant, row.Branch) is { } forbidden)
        {
            return forbidden;
        }

        var secret = WebhookSecrets.Generate();
        row.RotateSecret(secrets.Encrypt(secret), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new WebhookSecretResponse(row.Id, secret, row.PreviousSecretExpiresAt));
    }

    public static async Task<Ok<WebhookSettingsResponse>> GetSettingsAsync(LoyaltyDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var row = await db.WebhookSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (row is not null)
        {
            http.Response.Headers.ETag = ETags.From(row.Version);
        }

        return TypedResults.Ok(new WebhookSettingsResponse(row?.AllowPrivateNetworks ?? false, row?.AllowHttp ?? false));
    }

    /// <summary>Replaces the settings: 403 for a branch-restricted key (they are the whole business's); once set, needs If-Match.</summary>
    public static async Task<Results<Ok<WebhookSettingsResponse>, ProblemHttpResult>> PutSettingsAsync(
        WebhookSettingsRequest request, LoyaltyDbContext db, TenantContext tenant, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (tenant.Branch is { } branch)
        {
            return Problems.OtherBranch(branch);
        }

        var row = await db.WebhookSettings.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = Domain.Webhooks.WebhookSettings.Create(tenant.TenantId);
            db.WebhookSettings.Add(row);
        }
        else if (ETags.CheckIfMatch(http.Request, ETags.From(row.Version)) is { } precondition)
        {
            return precondition;
        }

        row.Replace(request.AllowPrivateNetworks ?? false, request.AllowHttp ?? false, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.ETag = ETags.From(row.Version);
        return TypedResults.Ok(new WebhookSettingsResponse(row.AllowPrivateNetworks, row.AllowHttp));
    }

    internal static async Task<WebhookSettings> SettingsAsync(LoyaltyDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        await db.WebhookSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? Domain.Webhooks.WebhookSettings.Create(tenantId);

    // 422 with a field error, not 400: the URL is well-formed, the rules refuse where it points.
    private static async Task<ProblemHttpResult?> RefuseUrlAsync(string? url, LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.WebhookSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? Domain.Webhooks.WebhookSettings.Create(Guid.Empty);
        if (await WebhookUrls.CheckAsync(url, settings, cancellationToken) is not { } reason)
        {
            return null;
        }

        return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["url"] = [reason] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The webhook URL is not allowed.",
            Type = ProblemTypes.For("webhook-url-refused"),
        });
    }

    private static Dictionary<string, string[]> CheckShape(string? url, IReadOnlyList<string>? eventTypes, string? branch)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(url) || url.Length > WebhookSubscription.MaxUrlLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors["url"] = [$"An absolute https URL of at most {WebhookSubscription.MaxUrlLength} characters."];
        }

        if (eventTypes is null || eventTypes.Count == 0)
        {
            errors["eventTypes"] = ["At least one event type, e.g. loyalty.points-earned.v1."];
        }
        else if (eventTypes.Where(type => type is null || !WebhookEventTypes.ByName.ContainsKey(type)).ToList() is [var unknown, ..])
        {
            errors["eventTypes"] = [$"Unknown event type '{unknown}'; one of: {string.Join(", ", WebhookEventTypes.ByName.Keys.Order(StringComparer.Ordinal))}."];
        }

        if (branch is not null && (branch.Trim().Length == 0 || branch.Trim().Length > WebhookSubscription.MaxBranchLength))
        {
            errors["branch"] = [$"A branch code of 1 to {WebhookSubscription.MaxBranchLength} characters, or null for all branches."];
        }

        return errors;
    }

    // A branch-restricted key manages only subscriptions filtered to its own branch.
    private static ProblemHttpResult? ForbiddenFor(TenantContext tenant, string? branch) =>
        tenant.Branch is null ? null
        : branch is null ? Problems.OtherBranch("(all branches)")
        : tenant.MayActFor(branch) ? null : Problems.OtherBranch(branch);

    private static string? Trimmed(string? branch) => branch?.Trim();
}
