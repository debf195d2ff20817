using System.ComponentModel.DataAnnotations;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Domain.Policies;
using CustomerPlatform.Standards.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Standards.Features.Charter;

/// <summary>Publishing the charter for customers.</summary>
/// <param name="Title">The heading customers see, e.g. "Our promise to you at Acme Bikes" (1 to 200 characters).</param>
public sealed record PublishCharterRequest([property: Required, StringLength(CharterPublication.MaxTitleLength, MinimumLength = 1)] string Title);

/// <summary>Where the charter is published.</summary>
/// <param name="Path">The public page's path on the gateway (no API key needed): /charter/{handle}.</param>
public sealed record CharterPublicationResponse(string Handle, string Path, string Title, DateTimeOffset PublishedAt, DateTimeOffset HandleIssuedAt)
{
    public static CharterPublicationResponse From(CharterPublication publication) => new(
        publication.Handle, CharterPage.PathOf(publication.Handle), publication.Title, publication.PublishedAt, publication.HandleIssuedAt);
}

public static class CharterEndpoints
{
    public static void MapCharter(this RouteGroupBuilder standards)
    {
        var charter = standards.MapGroup("/charter").WithTags("Charter");
        charter.MapGet("", GetAsync).WithName("GetServiceCharter");
        charter.MapGet("/publication", GetPublicationAsync).WithName("GetCharterPublication");
        charter.MapPut("/publication", PublishAsync).WithName("PublishCharter");
        charter.MapPost("/publication/rotate", RotateAsync).WithName("RotateCharterHandle");
        charter.MapDelete("/publication", WithdrawAsync).WithName("WithdrawCharter");
    }

    /// <summary>The charter as customers would read it: the public clauses of the policies in force, by area.</summary>
    public static async Task<Ok<CharterResponse>> GetAsync(StandardsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ServiceCharter.BuildAsync(db, cancellationToken));

    /// <summary>Where the charter is published; 404 when it is not.</summary>
    public static async Task<Results<Ok<CharterPublicationResponse>, ProblemHttpResult>> GetPublicationAsync(
        StandardsDbContext db, CancellationToken cancellationToken)
    {
        var publication = await db.CharterPublications.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return publication is null ? NotPublished() : TypedResults.Ok(CharterPublicationResponse.From(publication));
    }

    /// <summary>
    /// Publishes the charter under a new unguessable handle (201), or changes the title of the one published (200,
    /// same handle). The page always shows the policies in force at the time it is opened.
    /// </summary>
    public static async Task<Results<Created<CharterPublicationResponse>, Ok<CharterPublicationResponse>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        PublishCharterRequest request, StandardsDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var title = request.Title?.Trim() ?? "";
        if (title.Length is 0 or > CharterPublication.MaxTitleLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = [$"1 to {CharterPublication.MaxTitleLength} characters."] });
        }

        if (WholeBusinessOnly(tenant) is { } forbidden)
        {
            return forbidden;
        }

        var publication = await db.CharterPublications.FirstOrDefaultAsync(cancellationToken);
        if (publication is not null)
        {
            publication.Retitle(title);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(CharterPublicationResponse.From(publication));
        }

        publication = CharterPublication.Publish(tenant.TenantId, title, clock.GetUtcNow());
        db.CharterPublications.Add(publication);
        // Two first publications racing: the tenant's key makes the second a 409 duplicate.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created("/api/v1/standards/charter/publication", CharterPublicationResponse.From(publication));
    }

    /// <summary>A new handle: the old link stops working at once (e.g. after it was posted where it should not be).</summary>
    public static async Task<Results<Ok<CharterPublicationResponse>, ProblemHttpResult>> RotateAsync(
        StandardsDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (WholeBusinessOnly(tenant) is { } forbidden)
        {
            return forbidden;
        }

        var publication = await db.CharterPublications.FirstOrDefaultAsync(cancellationToken);
        if (publication is null)
        {
            return NotPublished();
        }

        publication.Rotate(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CharterPublicationResponse.From(publication));
    }

    /// <summary>Withdraws the public page: its link answers 404 from now on.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        StandardsDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (WholeBusinessOnly(tenant) is { } forbidden)
        {
            return forbidden;
        }

        var publication = await db.CharterPublications.FirstOrDefaultAsync(cancellationToken);
        if (publication is null)
        {
            return NotPublished();
        }

        db.CharterPublications.Remove(publication);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotPublished() =>
        ProblemDetailsSetup.Problem(StatusCodes.Status404NotFound, "The service charter is not published.", type: ProblemTypes.NotFound);

    // The charter speaks for the whole business, so a key restricted to one branch may read it but not publish it.
    private static ProblemHttpResult? WholeBusinessOnly(TenantContext tenant) => tenant.Branch is null
        ? null
        : ProblemDetailsSetup.Problem(
            StatusCodes.Status403Forbidden,
            "This API key is restricted to a branch.",
            "The service charter is published for the whole business; use a key for the whole business.",
            ProblemTypes.Forbidden);
}
