using CustomerPlatform.ServiceDefaults.Http;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Charter;

/// <summary>
/// The public service charter page, through the gateway without an API key. The handle in the path is the only
/// credential: it names the business, whose tenant then scopes the rest of the request. 200 the charter, 404 an
/// unknown, rotated or withdrawn handle; always a page, never a problem document.
/// </summary>
public static class CharterPage
{
    public static string PathOf(string handle) => PublicPages.CharterPathPrefix + "/" + handle;

    public static WebApplication MapCharterPage(this WebApplication app)
    {
        var pages = app.MapGroup(PublicPages.CharterPathPrefix)
            .AllowAnonymous()
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers.ContentSecurityPolicy = PublicPages.ContentSecurityPolicy;
                headers["Referrer-Policy"] = PublicPages.ReferrerPolicy;
                headers.XContentTypeOptions = "nosniff";
                return await next(context);
            });
        pages.MapGet("/{handle}", ShowAsync);
        pages.MapGet("/assets/charter.css", (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Text(CharterHtml.Stylesheet, "text/css; charset=utf-8");
        });
        return app;
    }

    public static async Task<ContentHttpResult> ShowAsync(
        string handle, StandardsDbContext db, TenantContext tenant, HttpResponse response, CancellationToken cancellationToken)
    {
        var publication = CharterPublication.CouldBeHandle(handle)
            ? await db.CharterPublications.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Handle == handle, cancellationToken)
            : null;
        // A caller that reached the service with a handle of another business gets nothing of this one.
        if (publication is null || (tenant.IsSet && tenant.TenantId != publication.TenantId))
        {
            response.Headers.CacheControl = "no-store";
            return Page(StatusCodes.Status404NotFound, CharterHtml.NotFound());
        }

        tenant.Set(publication.TenantId);
        var charter = await ServiceCharter.BuildAsync(db, cancellationToken);
        // Short, so a policy change or a withdrawal shows within minutes even where a cache kept the page.
        response.Headers.CacheControl = "public, max-age=300";
        return Page(StatusCodes.Status200OK, CharterHtml.Charter(publication.Title, charter));
    }

    private static ContentHttpResult Page(int status, string html) => TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
}
