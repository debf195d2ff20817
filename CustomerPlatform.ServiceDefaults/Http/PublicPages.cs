using Microsoft.AspNetCore.Http;

namespace CustomerPlatform.ServiceDefaults.Http;

/// <summary>
/// The pages customers open without an API key (the survey page under <see cref="PathPrefix"/>, the service charter
/// under <see cref="CharterPathPrefix"/>): the gateway routes them without a caller, and both it and the service that
/// renders them send the same headers.
/// </summary>
public static class PublicPages
{
    /// <summary>Path prefix of the public survey pages on the gateway and on Feedback, which renders them.</summary>
    public const string PathPrefix = "/s";

    /// <summary>Path prefix of the public service charter pages on the gateway and on Standards, which renders them.</summary>
    public const string CharterPathPrefix = "/charter";

    /// <summary>Whether a request path is one of the public pages (or their stylesheets).</summary>
    public static bool IsPublicPath(PathString path) =>
        path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(CharterPathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Nothing loads but the page's own stylesheet; its form posts only back to itself; no frame may hold it (no
    /// clickjacking of a customer's answers). No script source at all: the pages work without JavaScript.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The link's token is in the path: no referrer may carry it to another site.</summary>
    public const string ReferrerPolicy = "no-referrer";
}
